using System.Text.RegularExpressions;

namespace GridBot.Dialogs.Privacy;

/// <summary>Masks residents' phone and ID numbers for every role and place that does not need them.</summary>
public static partial class PersonalDataMask
{
    /// <summary>"13812341111" → "138****1111"; anything too short to mask safely becomes "****".</summary>
    public static string? Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return phone;
        }

        var digits = phone.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return digits.Length >= 7 ? digits[..3] + "****" + digits[^4..] : "****";
    }

    /// <summary>"110101199003071234" → "110***********1234".</summary>
    public static string? IdNumber(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return id;
        }

        return id.Length >= 8 ? id[..3] + new string('*', id.Length - 7) + id[^4..] : "****";
    }

    /// <summary>Masks phone and ID numbers written inside free text (a report often carries "我电话138…").</summary>
    public static string Text(string text) =>
        IdPattern().Replace(PhonePattern().Replace(text, m => Phone(m.Value)!), m => IdNumber(m.Value)!);

    /// <summary>
    /// The text without its phone and ID numbers, for understanding it: a number says nothing about the problem, and
    /// its digits would read as a room number ("…5678，6栋漏水").
    /// </summary>
    public static string Remove(string text) => IdPattern().Replace(PhonePattern().Replace(text, " "), " ");

    // Written as one run or in groups ("139 1234 5678", "139-1234-5678").
    [GeneratedRegex(@"(?<!\d)1[3-9]\d(?:\d{8}|[ \-]\d{4}[ \-]\d{4})(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"(?<![\dXx])\d{17}[\dXx](?![\dXx])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex IdPattern();
}
