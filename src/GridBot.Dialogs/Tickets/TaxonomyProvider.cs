using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tickets;

/// <summary>Holds the taxonomy loaded at start; a broken file stops the start with the file and field named.</summary>
public sealed class TaxonomyProvider(IOptions<TicketOptions> options)
{
    private readonly Lazy<Taxonomy> _taxonomy = new(() => Taxonomy.Load(options.Value.ResolveTaxonomyPath()));

    public Taxonomy Current => _taxonomy.Value;
}
