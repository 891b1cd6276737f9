using ClosedXML.Excel;
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
/// Tickets are read in pages by id, so the database never hands over a district's month at once.
/// </summary>
public sealed class TicketLedgerWriter(GridBotDbContext db, ChinaWorkingCalendar calendar)
{
    public const int PageSize = 2000;
    private const string DateFormat = "yyyy-mm-dd hh:mm";

    private static readonly string[] Headers =
    [
        "工单编号", "登记时间", "类别", "紧急程度", "街道", "社区", "网格", "地点", "问题描述", "反映人", "联系电话", "反映人数",
        "状态", "层级", "承办人", "办理时限", "办结时间", "是否按时", "办结说明", "评价",
    ];

    private static readonly string[] StatisticsHeaders = ["网格编码", "网格", "月份", "新增", "办结", "按时办结", "按时率", "评价数", "满意数", "满意率", "期末在办"];

    public async Task<int> CountAsync(GridScope scope, LedgerRange range, CancellationToken cancellationToken)
    {
        var (from, to) = UtcBounds(range);
        return await InScope(scope).CountAsync(t => t.CreatedUtc >= from && t.CreatedUtc < to, cancellationToken);
    }

    /// <param name="progress">Rows written so far, after each page.</param>
    public async Task WriteAsync(GridScope scope, LedgerRange range, Stream output, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var (from, to) = UtcBounds(range);
        var grids = await db.Grids.AsNoTracking().Where(g => g.Path.StartsWith(scope.Path))
            .Select(g => new { g.Id, g.Code, g.Name, g.Level, g.Path }).ToListAsync(cancellationToken);
        var byPath = grids.ToDictionary(g => g.Path);
        // Ancestors above the scope are not loaded: a community's ledger leaves the street column empty, as it is the same everywhere.
        string? Ancestor(string path, GridLevel level) =>
            Prefixes(path).Select(p => byPath.GetValueOrDefault(p)).FirstOrDefault(g => g?.Level == level)?.Name;
        var places = grids.ToDictionary(g => g.Id, g => (Street: Ancestor(g.Path, GridLevel.Street), Community: Ancestor(g.Path, GridLevel.Community), g.Name));

        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("工单台账");
        for (var c = 0; c < Headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = Headers[c];
        }

        var row = 1;
        var lastId = 0;
        var stats = new Dictionary<(int GridId, string Month), GridMonth>();
        while (true)
        {
            var page = await InScope(scope)
                .Where(t => t.CreatedUtc >= from && t.CreatedUtc < to && t.Id > lastId)
                .OrderBy(t => t.Id)
                .Take(PageSize)
                .Select(t => new
                {
                    t.Id, t.Number, t.CreatedUtc, t.Category, t.Urgency, t.GridId, t.Place, t.Description, t.Status, t.Tier, t.OwnerName,
                    t.DeadlineUtc, t.ResolvedUtc, t.Resolution, t.Rating,
                    Reporter = t.Reporters.OrderBy(r => r.Id).Select(r => new { r.Name, r.Phone }).FirstOrDefault(),
                    Reporters = t.Reporters.Count,
                })
                .ToListAsync(cancellationToken);
            foreach (var t in page)
            {
                row++;
                var place = places.GetValueOrDefault(t.GridId);
                var onTime = t.ResolvedUtc is { } resolved ? resolved <= t.DeadlineUtc : (bool?)null;
                object?[] values =
                [
                    t.Number, Local(t.CreatedUtc), t.Category, ConsoleTexts.Urgency(t.Urgency), place.Street, place.Community, place.Name, t.Place,
                    PersonalDataMask.Text(t.Description), t.Reporter?.Name, PersonalDataMask.Phone(t.Reporter?.Phone), t.Reporters,
                    TicketStatusNames.Of(t.Status), TicketStatusNames.Of(t.Tier), t.OwnerName, Local(t.DeadlineUtc),
                    t.ResolvedUtc is { } r ? Local(r) : null, onTime is null ? null : onTime.Value ? "是" : "否",
                    t.Resolution is null ? null : PersonalDataMask.Text(t.Resolution), t.Rating is { } rating ? TicketStatusNames.Of(rating) : null,
                ];
                for (var c = 0; c < values.Length; c++)
                {
                    Set(sheet.Cell(row, c + 1), values[c]);
                }

                var key = (t.GridId, Local(t.CreatedUtc).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
                var month = stats.GetValueOrDefault(key) ?? new GridMonth();
                month.New++;
                if (t.ResolvedUtc is not null)
                {
                    month.Closed++;
                    month.OnTime += onTime == true ? 1 : 0;
                }
                else if (TicketLifecycle.IsOpen(t.Status))
                {
                    month.Open++;
                }

                if (t.Rating is { } given)
                {
                    month.Rated++;
                    month.Satisfied += given is TicketRating.Satisfied or TicketRating.BasicallySatisfied ? 1 : 0;
                }

                stats[key] = month;
                lastId = t.Id;
            }

            progress?.Report(row - 1);
            if (page.Count < PageSize)
            {
                break;
            }
        }

        Finish(sheet, Headers.Length, row, [2, 16, 17]);
        WriteStatistics(workbook.Worksheets.Add("网格月度统计"), stats, grids.ToDictionary(g => g.Id, g => (g.Code, g.Name)));
        workbook.SaveAs(output);
    }

    private static void WriteStatistics(IXLWorksheet sheet, Dictionary<(int GridId, string Month), GridMonth> stats, Dictionary<int, (string Code, string Name)> grids)
    {
        for (var c = 0; c < StatisticsHeaders.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = StatisticsHeaders[c];
        }

        var row = 1;
        foreach (var ((gridId, month), s) in stats.OrderBy(s => grids[s.Key.GridId].Code, StringComparer.Ordinal).ThenBy(s => s.Key.Month, StringComparer.Ordinal))
        {
            row++;
            object?[] values =
            [
                grids[gridId].Code, grids[gridId].Name, month, s.New, s.Closed, s.OnTime,
                s.Closed == 0 ? null : (double)s.OnTime / s.Closed, s.Rated, s.Satisfied, s.Rated == 0 ? null : (double)s.Satisfied / s.Rated, s.Open,
            ];
            for (var c = 0; c < values.Length; c++)
            {
                Set(sheet.Cell(row, c + 1), values[c]);
            }
        }

        sheet.Column(7).Style.NumberFormat.Format = "0.0%";
        sheet.Column(10).Style.NumberFormat.Format = "0.0%";
        Finish(sheet, StatisticsHeaders.Length, row, []);
    }

    private static void Finish(IXLWorksheet sheet, int columns, int lastRow, int[] dateColumns)
    {
        foreach (var c in dateColumns)
        {
            sheet.Column(c).Style.NumberFormat.Format = DateFormat;
        }

        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, Math.Max(lastRow, 1), columns).SetAutoFilter();
        for (var c = 1; c <= columns; c++)
        {
            sheet.Column(c).Width = 14;
        }
    }

    private static void Set(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case DateTime date:
                cell.Value = date;
                break;
            case int number:
                cell.Value = number;
                break;
            case double rate:
                cell.Value = rate;
                break;
            default:
                // Text stays text: a number such as "0012" or a formula-looking "=…" from a resident is never interpreted.
                cell.SetValue(value.ToString());
                cell.DataType = XLDataType.Text;
                break;
        }
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

    private IQueryable<Ticket> InScope(GridScope scope) =>
        scope.Path == GridScope.Everything.Path
            ? db.Tickets.AsNoTracking()
            : db.Tickets.AsNoTracking().Where(t => t.Grid!.Path.StartsWith(scope.Path));

    private sealed class GridMonth
    {
        public int New { get; set; }
        public int Closed { get; set; }
        public int OnTime { get; set; }
        public int Rated { get; set; }
        public int Satisfied { get; set; }
        public int Open { get; set; }
    }
}
