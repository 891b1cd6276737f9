using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using GridBot.Dialogs.Digests;
using GridBot.Host.Cli;
using GridBot.Host.Import;

namespace GridBot.Host.Endpoints;

/// <summary>
/// The API's JSON: source-generated metadata for what the endpoints return and the command line's <c>--json</c> prints,
/// so a verb and its endpoint can never disagree on a shape (the digest's grid rows came out as <c>{}</c> when the verb
/// had a serializer of its own).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DigestReport))]
[JsonSerializable(typeof(AnnouncementPreview))]
[JsonSerializable(typeof(AnnouncementCreated))]
[JsonSerializable(typeof(ImportReport))]
[JsonSerializable(typeof(IReadOnlyList<ScheduleFire>))]
[JsonSerializable(typeof(LedgerExport))]
[JsonSerializable(typeof(IReadOnlyList<KfLinkRow>))]
[JsonSerializable(typeof(IReadOnlyList<DoctorRow>))]
[JsonSerializable(typeof(ClassifierTrained))]
[JsonSerializable(typeof(CustomerGroupSyncResult))]
[JsonSerializable(typeof(AiBotDoctorResult))]
internal sealed partial class ApiJson : JsonSerializerContext
{
    /// <summary>Chinese as written (not \uXXXX), for the API and the command line alike.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.TypeInfoResolverChain.Insert(0, Default);
    }
}
