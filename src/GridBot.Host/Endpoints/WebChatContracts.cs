namespace GridBot.Host.Endpoints;

// The chat page's JSON shapes, together so the page and the server are read side by side.
public sealed record WebChatBot(string Id, string Name);

public sealed record WebChatChat(string ChatId, string Name, string GridCode, string GridName);

public sealed record WebChatPerson(string UserId, string Name, string Role, string RoleName);

public sealed record WebChatSetup(WebChatBot Bot, List<WebChatChat> Chats, Dictionary<string, List<WebChatPerson>> People);

public sealed record WebChatFeedItem(long Id, string Text, DateTime CreatedUtc);

public sealed record WebChatFeed(List<WebChatFeedItem> Items, long Last);
