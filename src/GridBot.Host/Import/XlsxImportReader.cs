using System.Globalization;
using System.IO.Compression;
using ClosedXML.Excel;

namespace GridBot.Host.Import;

/// <summary>
/// A workbook with sheets named grids/chats/members (or 网格/群/成员), each with a header on row 1.
/// Other sheets (instructions, pivots) are ignored. The Open XML SDK under ClosedXML refuses DTDs in the parts it reads.
/// </summary>
internal static class XlsxImportReader
{
    public static void Read(string file, byte[] content, ImportBatch batch)
    {
        if (!content.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            batch.Error(file, 0, "不是有效的 XLSX 工作簿（文件不是 zip 格式；旧版 .xls 请另存为 .xlsx）");
            return;
        }

        if (CheckArchive(content) is { } archiveError)
        {
            batch.Error(file, 0, archiveError);
            return;
        }

        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var workbook = new XLWorkbook(stream);
            var found = false;
            foreach (var sheet in workbook.Worksheets)
            {
                if (ImportFields.SectionOf(sheet.Name) is { } kind)
                {
                    found = true;
                    var sheetFile = $"{file}[{sheet.Name}]";
                    batch.AddFile(sheetFile);
                    ReadSheet(sheetFile, kind, sheet, batch);
                }
            }

            if (!found)
            {
                batch.Error(file, 0, $"工作簿中没有名为 {ImportFields.SectionNames} 的工作表");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // ClosedXML and the Open XML SDK throw a zoo of types for a damaged or hostile workbook; each is a bad file, not a crash.
            batch.Error(file, 0, $"无法读取工作簿：{ex.Message}");
        }
    }

    private static void ReadSheet(string file, ImportKind kind, IXLWorksheet sheet, ImportBatch batch)
    {
        var headerRow = sheet.Row(1);
        var width = headerRow.LastCellUsed()?.Address.ColumnNumber ?? 0;
        if (width == 0)
        {
            if (sheet.LastRowUsed() is not null)
            {
                batch.Error(file, 1, "第 1 行必须是表头");
            }

            return;
        }

        if (TabularImportReader.ReadHeader(file, 1, Cells(headerRow, width), kind, batch) is not var (_, columns))
        {
            return;
        }

        // Only rows that hold something, and only the header's columns: a stray cell at XFD1048576 must cost nothing.
        foreach (var row in sheet.RowsUsed().Where(r => r.RowNumber() > 1))
        {
            var cells = Cells(row, width);
            if (row.LastCellUsed() is { } last && last.Address.ColumnNumber > width)
            {
                cells.Add(Text(last));
            }

            TabularImportReader.ReadRow(file, row.RowNumber(), kind, columns, cells, batch);
        }
    }

    private static List<string> Cells(IXLRow row, int width)
    {
        var cells = new List<string>(width);
        for (var column = 1; column <= width; column++)
        {
            cells.Add(Text(row.Cell(column)));
        }

        return cells;
    }

    private static string Text(IXLCell cell)
    {
        // A formula's saved result is used as is: evaluating staff formulas here would be slow and surprising.
        var value = cell.HasFormula ? cell.CachedValue : cell.Value;
        return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>
    /// Inflates every part into a discard buffer, counting, before ClosedXML inflates them into memory: a zip bomb
    /// (a few MB declaring, or lying about, gigabytes of XML) is refused at the limit instead of unpacked.
    /// </summary>
    private static string? CheckArchive(byte[] content)
    {
        var tooLarge = $"工作簿解压后超过 {ImportLimits.MaxWorkbookUncompressedBytes / 1024 / 1024} MB 的上限";
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > ImportLimits.MaxWorkbookEntries)
            {
                return $"工作簿包含的部件过多（{zip.Entries.Count} 个）";
            }

            if (zip.Entries.Sum(e => e.Length) > ImportLimits.MaxWorkbookUncompressedBytes)
            {
                return tooLarge;
            }

            var buffer = new byte[81920];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                using var part = entry.Open();
                int read;
                while ((read = part.Read(buffer)) > 0)
                {
                    total += read;
                    if (total > ImportLimits.MaxWorkbookUncompressedBytes)
                    {
                        return tooLarge;
                    }
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or IOException)
        {
            return $"不是有效的 XLSX 工作簿（zip 已损坏：{ex.Message}）";
        }
    }
}
