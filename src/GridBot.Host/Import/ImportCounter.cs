namespace GridBot.Host.Import;

/// <summary>Tallies rows into created / updated / unchanged while the writer walks them.</summary>
internal sealed class ImportCounter
{
    public int Created { get; private set; }

    public int Updated { get; private set; }

    public int Unchanged { get; private set; }

    public void New() => Created++;

    public void Existing(bool changed)
    {
        if (changed)
        {
            Updated++;
        }
        else
        {
            Unchanged++;
        }
    }

    public ImportCounts ToCounts() => new(Created, Updated, Unchanged);
}
