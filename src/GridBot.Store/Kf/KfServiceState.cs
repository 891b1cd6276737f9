namespace GridBot.Store.Kf;

/// <summary>Who answers a resident's kf session: the bot, or a grid worker in the WeCom client (service_state 3).</summary>
public enum KfServiceState
{
    Bot,
    Person,
}
