namespace Pingyi.Web.Pages.Forms;

/// <summary>The 上移/下移 pair of a section or item: handler MoveSection or MoveItem, identified by one field.</summary>
public sealed record MoveButtons(int FormId, string What, string Field, string Value, string Label);
