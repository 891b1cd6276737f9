namespace GridBot.Host.Channels;

/// <summary>Names an image's type from its first bytes: channels want a content type, outbox rows carry only bytes.</summary>
internal static class ImageFormats
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static string ContentTypeOf(ReadOnlySpan<byte> image) =>
        image.StartsWith(PngSignature) ? "image/png"
        : image is [0xFF, 0xD8, 0xFF, ..] ? "image/jpeg"
        : "application/octet-stream";
}
