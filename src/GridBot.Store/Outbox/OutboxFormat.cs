namespace GridBot.Store.Outbox;

/// <summary>How a channel should render an outbox row; channels that cannot show a format fall back to the row's text.</summary>
public enum OutboxFormat
{
    Text,
    Markdown,
    Image,
}
