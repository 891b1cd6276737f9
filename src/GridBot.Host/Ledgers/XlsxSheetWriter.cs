using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GridBot.Host.Ledgers;

/// <summary>
/// Writes one worksheet row by row with OpenXML's forward-only writer: memory stays flat however many rows a
/// district's month has (ClosedXML builds the whole workbook in memory first: +1.3 GB for 85,000 rows, see
/// docs/BENCHMARKS.md). Header row bold and frozen, filters on the used range, dates as real dates.
/// </summary>
internal sealed class XlsxSheetWriter : IDisposable
{
    public const uint BoldStyle = 1;
    public const uint DateStyle = 2;
    public const uint PercentStyle = 3;

    private readonly OpenXmlWriter writer;
    private readonly int columns;
    private uint row;

    private XlsxSheetWriter(WorksheetPart part, IReadOnlyList<string> headers, double width)
    {
        columns = headers.Count;
        writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0 }));
        writer.WriteElement(new Columns(new Column { Min = 1, Max = (uint)columns, Width = width, CustomWidth = true }));
        writer.WriteStartElement(new SheetData());
        WriteRow(headers.Cast<object?>().ToArray(), BoldStyle);
    }

    /// <summary>The last row written (1 = only the header).</summary>
    public uint LastRow => row;

    public string Range => $"A1:{ColumnName(columns)}{Math.Max(row, 1)}";

    public static XlsxSheetWriter Start(WorksheetPart part, IReadOnlyList<string> headers, double width = 14) => new(part, headers, width);

    /// <summary>Values: string (always text, so "=…" from a resident is never a formula), int, double, DateTime (a date cell), null (empty).</summary>
    public void WriteRow(IReadOnlyList<object?> values, uint? style = null)
    {
        row++;
        writer.WriteStartElement(new Row { RowIndex = row });
        for (var c = 0; c < values.Count; c++)
        {
            var reference = ColumnName(c + 1) + row;
            switch (values[c])
            {
                case null:
                    break;
                case DateTime date:
                    writer.WriteElement(new Cell { CellReference = reference, StyleIndex = DateStyle, CellValue = new CellValue(date.ToOADate()) });
                    break;
                case int number:
                    writer.WriteElement(new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(number) });
                    break;
                case double fraction:
                    writer.WriteElement(new Cell { CellReference = reference, StyleIndex = style ?? PercentStyle, CellValue = new CellValue(fraction) });
                    break;
                default:
                    writer.WriteElement(new Cell
                    {
                        CellReference = reference,
                        StyleIndex = style,
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(Clean(values[c]!.ToString()!))),
                    });
                    break;
            }
        }

        writer.WriteEndElement();
    }

    /// <summary>Closes the sheet with its autofilter over everything written.</summary>
    public void Finish()
    {
        writer.WriteEndElement();
        writer.WriteElement(new AutoFilter { Reference = Range });
        writer.WriteEndElement();
    }

    public void Dispose() => writer.Dispose();

    public static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd hh:mm" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "0.0%" })
        { Count = 2 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true })
        { Count = 4 });

    public static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26)
        {
            name = (char)('A' + ((column - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>XML cannot carry most control characters; a resident's pasted text sometimes has them.</summary>
    private static string Clean(string text) =>
        text.Any(ch => ch < ' ' && ch is not ('\t' or '\n' or '\r')) ? new string([.. text.Where(ch => ch >= ' ' || ch is '\t' or '\n' or '\r')]) : text;
}
