using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tickets;

/// <summary>A broken taxonomy file stops the start, naming the key and the problem.</summary>
internal sealed class TicketOptionsValidator : IValidateOptions<TicketOptions>
{
    public ValidateOptionsResult Validate(string? name, TicketOptions options)
    {
        if (options.IgnoreBelow > options.ConfirmBelow)
        {
            return ValidateOptionsResult.Fail($"Tickets:IgnoreBelow ({options.IgnoreBelow}) must not be above Tickets:ConfirmBelow ({options.ConfirmBelow}).");
        }

        try
        {
            Taxonomy.Load(options.ResolveTaxonomyPath());
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
