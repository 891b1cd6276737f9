using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets.FollowUps;

/// <summary>
/// Applies "是6栋" to "柳湖小区5栋2单元": a correction naming only the building, unit, floor or room replaces that
/// part and keeps the rest; one naming a new spot ("8栋门口", "解放路12号") replaces the whole place.
/// </summary>
public static class PlaceCorrection
{
    public static bool ReadsAsPlace(string text) => PlaceExtractor.Extract(text) is not null;

    public static string Apply(string? before, string right)
    {
        var place = PlaceExtractor.Extract(right) ?? right;
        if (string.IsNullOrEmpty(before) || PlaceParser.Parse(place) is not { } parts || PlaceParser.Parse(before) is not { } old
            || parts.Estate is not null || parts.Road is not null || parts.Landmark is not null)
        {
            return place;
        }

        var result = before;
        var replaced = false;
        foreach (var (was, now) in new[] { (old.Building, parts.Building), (old.Unit, parts.Unit), (old.Floor, parts.Floor), (old.Room, parts.Room) })
        {
            if (was is not null && now is not null && result.Contains(was, StringComparison.Ordinal))
            {
                result = result.Replace(was, now, StringComparison.Ordinal);
                replaced = true;
            }
        }

        return replaced ? result : place;
    }

    public static PlaceDetail DetailOf(string place) => PlaceParser.Parse(place) ?? new PlaceDetail();
}
