using QRCoder;

namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>
/// A contact link as a PNG QR code, drawn by QRCoder's managed PNG writer (no System.Drawing, no native libraries).
/// The grid's name goes beside it on the HTML sheet, where the browser sets the Chinese text with the printer's fonts.
/// </summary>
internal static class KfQrCode
{
    /// <summary>20 pixels a module: about 4 cm wide at 300 dpi for a link of this length, sharp when printed.</summary>
    private const int PixelsPerModule = 20;

    public static byte[] Png(string url)
    {
        using var generator = new QRCodeGenerator();

        // Level M survives a crease or a smudge on a printed notice without making the code dense.
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(PixelsPerModule);
    }
}
