using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.WeCom.CustomerGroups;

internal sealed class CustomerGroupOptionsValidator : IValidateOptions<CustomerGroupOptions>
{
    public ValidateOptionsResult Validate(string? name, CustomerGroupOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.NameRules.Count; i++)
        {
            var rule = options.NameRules[i];
            if (rule.Grid.Length == 0)
            {
                errors.Add($"WeCom:CustomerGroups:NameRules:{i}:Grid must name a grid code.");
            }

            try
            {
                _ = new Regex(rule.Pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException)
            {
                errors.Add($"WeCom:CustomerGroups:NameRules:{i}:Pattern '{rule.Pattern}' is not a regular expression.");
            }

            if (rule.Pattern.Length == 0)
            {
                errors.Add($"WeCom:CustomerGroups:NameRules:{i}:Pattern must not be empty (it would match every group).");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
