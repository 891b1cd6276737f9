using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace GridBot.Host.Open311;

/// <summary>
/// One GeoReport v2 answer, written as JSON or XML from the same tree: a list is a JSON array and, in XML, an element
/// named <see cref="Open311List.Name"/> holding one <see cref="Open311List.ItemName"/> per item, as the spec's examples do.
/// </summary>
public sealed record Open311List(string Name, string ItemName, IReadOnlyList<object> Items);

/// <summary>Ordered fields; a value is a string, bool, int, DateTimeOffset (written with its offset), a nested list, or null.</summary>
public sealed record Open311Object(IReadOnlyList<KeyValuePair<string, object?>> Fields);

public static class Open311Document
{
    public static IResult Write(Open311List root, string format, int status = StatusCodes.Status200OK) =>
        format == "xml"
            ? Results.Text(Xml(root), "text/xml; charset=utf-8", Encoding.UTF8, status)
            : Results.Text(Json(root), "application/json; charset=utf-8", Encoding.UTF8, status);

    public static IResult Write(Open311Object root, string rootName, string format, int status = StatusCodes.Status200OK) =>
        format == "xml"
            ? Results.Text(Xml(rootName, root), "text/xml; charset=utf-8", Encoding.UTF8, status)
            : Results.Text(Json(root), "application/json; charset=utf-8", Encoding.UTF8, status);

    /// <summary>The spec's error format: [{code, description}] / &lt;errors&gt;&lt;error&gt;…, with the code as the HTTP status.</summary>
    public static IResult Error(int code, string description, string format) =>
        Write(new Open311List("errors", "error", [Obj(("code", code), ("description", description))]), format, code);

    public static Open311Object Obj(params (string Name, object? Value)[] fields) =>
        new([.. fields.Select(f => new KeyValuePair<string, object?>(f.Name, f.Value))]);

    /// <summary>ISO 8601 with the zone offset, as the spec's examples ("2010-04-14T06:37:38-08:00").</summary>
    public static string Date(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Json(object root)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteJson(json, root);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteJson(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case Open311List list:
                json.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteJson(json, item);
                }

                json.WriteEndArray();
                break;
            case Open311Object obj:
                json.WriteStartObject();
                foreach (var (name, field) in obj.Fields)
                {
                    json.WritePropertyName(name);
                    WriteJson(json, field);
                }

                json.WriteEndObject();
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case DateTimeOffset date:
                json.WriteStringValue(Date(date));
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static string Xml(Open311List root) => XmlDocumentOf(xml => WriteXml(xml, root.Name, root));

    private static string Xml(string rootName, Open311Object root) => XmlDocumentOf(xml => WriteXml(xml, rootName, root));

    private static string XmlDocumentOf(Action<XmlWriter> body)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Encoding = Encoding.UTF8, Indent = false }))
        {
            xml.WriteStartDocument();
            body(xml);
            xml.WriteEndDocument();
        }

        // StringBuilder output declares utf-16; the response is UTF-8.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void WriteXml(XmlWriter xml, string name, object? value)
    {
        xml.WriteStartElement(name);
        switch (value)
        {
            case null:
                break;
            case Open311List list:
                foreach (var item in list.Items)
                {
                    WriteXml(xml, list.ItemName, item);
                }

                break;
            case Open311Object obj:
                foreach (var (field, inner) in obj.Fields)
                {
                    WriteXml(xml, field, inner);
                }

                break;
            case bool flag:
                xml.WriteString(flag ? "true" : "false");
                break;
            case DateTimeOffset date:
                xml.WriteString(Date(date));
                break;
            default:
                xml.WriteString(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }

        xml.WriteEndElement();
    }
}
