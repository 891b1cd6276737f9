namespace GridBot.Dialogs.Dialogs;

/// <summary>The persisted dialogs of one person in one conversation; the top frame receives the next message.</summary>
public sealed class DialogStack
{
    public List<DialogFrame> Frames { get; set; } = [];

    public DialogFrame? Active => Frames.Count == 0 ? null : Frames[^1];

    public void Push(DialogFrame frame) => Frames.Add(frame);

    public void Pop() => Frames.RemoveAt(Frames.Count - 1);

    public void ReplaceActive(DialogFrame frame) => Frames[^1] = frame;

    public void Clear() => Frames.Clear();
}
