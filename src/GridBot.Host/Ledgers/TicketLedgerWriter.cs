using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GridBot.Dialogs.Calendar;
using GridBot.Dialogs.Privacy;
using GridBot.Dialogs.Tickets;
using GridBot.Host.StaffConsole;
using GridBot.Store;
using GridBot.Store.Grids;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Ledgers;

/// <summary>
/// The ticket ledger (工单台账) as .xlsx: one row per ticket registered in the period, with Chinese headers, a frozen
/// header row, filters on and dates as real Excel dates in Beijing time; and a sheet of per-grid monthly statistics.
/// Tickets are read in pages by id and written row by row (<see cref="XlsxSheetWriter"/>): neither the query nor the
/// workbook holds a district's month at once; only the per-grid statistics stay in memory.
/// </summary>
public sealed class TicketLedgerWriter(GridBotDbContext db, ChinaWorkingCalendar calendar)
{
    public const int PageSize = 2000;
    public const string LedgerSheet = "工单台账";
    public const string StatisticsSheet = "网格月度统计";

    private static readonly string[] Headers =
    [
        "工单编号", "登记时间", "类别", "紧急程度", "街道", "社区", "网格", "地点", "问题描述", "反映人", "联系电话", "反映人数",
        "状态", "层级", "承办人", "办理时限", "办结时间", "是否按时", "办结说明", "评价", "诉求类型", "催办次数",
    ];

    // 新增 … 期末在办 are work on the clock (投诉/求助); questions, suggestions and praise are counted in the last column.
    private static readonly string[] StatisticsHeaders = ["网格编码", "网格", "月份", "新增", "办结", "按时办结", "按时率", "评价数", "满意数", "满意率", "期末在办", "咨询建议表扬", "催办", "居民撤回"];

    public async Task<int> CountAsync(GridScope scope, LedgerRange range, CancellationToken cancellationToken)
    {
        var (from, to) = UtcBounds(range);
        return await InScope(scope).CountAsync(t => t.CreatedUtc >= from && t.CreatedUtc < to, cancellationToken);
    }

    /// <param name="progress">Rows written so far, after each page.</param>
    public async Task WriteAsync(GridScope scope, LedgerRange range, Stream output, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var (from, to) = UtcBounds(range);
        var grids = await db.Grids.AsNoTracking().InScope(scope)
            .Select(g => new { g.Id, g.Code, g.Name, g.Level, g.Path }).ToListAsync(cancellationToken);
        var byPath = grids.ToDictionary(g => g.Path);
        // Ancestors above the scope are not loaded: a community's ledger leaves the street column empty, as it is the same everywhere.
        string? Ancestor(string path, GridLevel level) =>
            Prefixes(path).Select(p => byPath.GetValueOrDefault(p)).FirstOrDefault(g => g?.Level == level)?.Name;
        var places = grids.ToDictionary(g => g.Id, g => (Street: Ancestor(g.Path, GridLevel.Street), Community: Ancestor(g.Path, GridLevel.Community), g.Name));

        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var book = document.AddWorkbookPart();
        book.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxSheetWriter.Styles();
        var ledgerPart = book.AddNewPart<WorksheetPart>();
        var statisticsPart = book.AddNewPart<WorksheetPart>();

        var lastId = 0;
        var written = 0;
        var stats = new Dictionary<(int GridId, string Month), GridMonth>();
        string ledgerRange;
        using (var sheet = XlsxSheetWriter.Start(ledgerPart, Headers))
        {
            while (true)
            {
                var page = await InScope(scope)
                    .Where(t => t.CreatedUtc >= from && t.CreatedUtc < to && t.Id > lastId)
                    .OrderBy(t => t.Id)
                    .Take(PageSize)
                    .Select(t => new
                    {
                        t.Id, t.Number, t.CreatedUtc, t.Category, t.AppealType, t.Urgency, t.GridId, t.Place, t.Description, t.Status, t.Tier, t.OwnerName,
                        t.DeadlineUtc, t.ResolvedUtc, t.Resolution, t.Rating, t.UrgeCount,
                        Reporter = t.Reporters.OrderBy(r => r.Id).Select(r => new { r.Name, r.Phone }).FirstOrDefault(),
                        Reporters = t.Reporters.Count,
                    })
                    .ToListAsync(cancellationToken);
                foreach (var t in page)
                {
                    var place = places.GetValueOrDefault(t.GridId);
                    var onTime = t.ResolvedUtc is { } resolved && t.DeadlineUtc is { } deadline ? resolved <= deadline : (bool?)null;
                    sheet.WriteRow(
                    [
                        t.Number, Local(t.CreatedUtc), t.Category, ConsoleTexts.Urgency(t.Urgency), place.Street, place.Community, place.Name, t.Place,
                        PersonalDataMask.Text(t.Description), t.Reporter?.Name, PersonalDataMask.Phone(t.Reporter?.Phone), t.Reporters,
                        TicketStatusNames.Of(t.Status), TicketStatusNames.Of(t.Tier), t.OwnerName, t.DeadlineUtc is { } due ? Local(due) : "不计时限",
                        t.ResolvedUtc is { } r ? Local(r) : null, onTime is null ? null : onTime.Value ? "是" : "否",
                        t.Resolution is null ? null : PersonalDataMask.Text(t.Resolution), t.Rating is { } rating ? TicketStatusNames.Of(rating) : null,
                        AppealTypeNames.Of(t.AppealType), t.UrgeCount,
                    ]);
                    Count(stats, t.GridId, Local(t.CreatedUtc), t.AppealType, t.Status, t.ResolvedUtc is not null, onTime == true, t.Rating, t.UrgeCount);
                    lastId = t.Id;
                }

                written += page.Count;
                progress?.Report(written);
                if (page.Count < PageSize)
                {
                    break;
                }
            }

            sheet.Finish();
            ledgerRange = sheet.Range;
        }

        string statisticsRange;
        var names = grids.ToDictionary(g => g.Id, g => (g.Code, g.Name));
        using (var sheet = XlsxSheetWriter.Start(statisticsPart, StatisticsHeaders))
        {
            foreach (var ((gridId, month), s) in stats.OrderBy(s => names[s.Key.GridId].Code, StringComparer.Ordinal).ThenBy(s => s.Key.Month, StringComparer.Ordinal))
            {
                sheet.WriteRow(
                [
                    names[gridId].Code, names[gridId].Name, month, s.New, s.Closed, s.OnTime,
                    s.Closed == 0 ? null : (double)s.OnTime / s.Closed, s.Rated, s.Satisfied, s.Rated == 0 ? null : (double)s.Satisfied / s.Rated, s.Open, s.Appeals, s.Urges, s.Withdrawn,
                ]);
            }

            sheet.Finish();
            statisticsRange = sheet.Range;
        }

        book.Workbook = new Workbook(
            new Sheets(
                new Sheet { Id = book.GetIdOfPart(ledgerPart), SheetId = 1, Name = LedgerSheet },
                new Sheet { Id = book.GetIdOfPart(statisticsPart), SheetId = 2, Name = StatisticsSheet }),
            // Excel keeps a sheet's filter range in this hidden name as well as in the sheet.
            new DefinedNames(
                new DefinedName(FilterName(LedgerSheet, ledgerRange)) { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true },
                new DefinedName(FilterName(StatisticsSheet, statisticsRange)) { Name = "_xlnm._FilterDatabase", LocalSheetId = 1, Hidden = true }));
        book.Workbook.Save();
    }

    private static void Count(Dictionary<(int GridId, string Month), GridMonth> stats, int gridId, DateTime createdLocal, AppealType type, TicketStatus status, bool resolved, bool onTime, TicketRating? rating, int urges)
    {
        var key = (gridId, createdLocal.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        if (!stats.TryGetValue(key, out var month))
        {
            stats[key] = month = new GridMonth();
        }

        if (!type.CarriesSla())
        {
            month.Appeals++;
            return;
        }

        month.New++;
        month.Urges += urges;
        if (status == TicketStatus.Withdrawn)
        {
            // Withdrawn by the reporter: neither closed by staff nor still open.
            month.Withdrawn++;
        }
        else if (resolved)
        {
            month.Closed++;
            month.OnTime += onTime ? 1 : 0;
        }
        else if (TicketLifecycle.IsOpen(status))
        {
            month.Open++;
        }

        if (rating is { } given)
        {
            month.Rated++;
            month.Satisfied += given is TicketRating.Satisfied or TicketRating.BasicallySatisfied ? 1 : 0;
        }
    }

    /// <summary>'工单台账'!$A$1:$U$9.</summary>
    private static string FilterName(string sheet, string range)
    {
        var parts = range.Split(':');
        static string Absolute(string cell) => "$" + new string([.. cell.TakeWhile(char.IsLetter)]) + "$" + new string([.. cell.SkipWhile(char.IsLetter)]);
        return $"'{sheet}'!{Absolute(parts[0])}:{Absolute(parts[1])}";
    }

    /// <summary>"/A/B/C/" → "/A/", "/A/B/", "/A/B/C/".</summary>
    private static IEnumerable<string> Prefixes(string path)
    {
        for (var i = path.IndexOf('/', 1); i > 0; i = path.IndexOf('/', i + 1))
        {
            yield return path[..(i + 1)];
        }
    }

    private DateTime Local(DateTime utc) => calendar.ToLocalTime(utc);

    private (DateTime From, DateTime To) UtcBounds(LedgerRange range) => (
        TimeZoneInfo.ConvertTimeToUtc(range.From.ToDateTime(TimeOnly.MinValue), calendar.TimeZone),
        TimeZoneInfo.ConvertTimeToUtc(range.To.ToDateTime(TimeOnly.MinValue), calendar.TimeZone));

    private IQueryable<Ticket> InScope(GridScope scope) => db.Tickets.AsNoTracking().InScope(scope);

    private sealed class GridMonth
    {
        public int New { get; set; }
        public int Closed { get; set; }
        public int OnTime { get; set; }
        public int Rated { get; set; }
        public int Satisfied { get; set; }
        public int Open { get; set; }
        public int Appeals { get; set; }
        public int Urges { get; set; }
        public int Withdrawn { get; set; }
    }
}
