using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

// Beside AddOptions itself, so every project's composition finds it without a using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The one way an options class is registered: bound once from its section and validated at start, so a bad setting
/// fails the boot (and <c>doctor</c>) instead of the first request that reads it.
/// </summary>
public static class ValidatedOptionsRegistration
{
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, IConfiguration configuration, string sectionName)
        where TOptions : class =>
        services.AddOptions<TOptions>().Bind(configuration.GetSection(sectionName)).ValidateOnStart();

    /// <summary>
    /// Options a composition must know before any service exists (which exporters to wire), read from the same section
    /// by the same binder and checked by the same validator as the registered ones: a bad value stops the start naming
    /// the key, as <see cref="AddValidatedOptions{TOptions, TValidator}"/> would, instead of a host wired from it.
    /// </summary>
    public static TOptions ReadValidatedOptions<TOptions, TValidator>(this IConfiguration configuration, string sectionName)
        where TOptions : class, new()
        where TValidator : class, IValidateOptions<TOptions>, new()
    {
        var options = new TOptions();
        configuration.GetSection(sectionName).Bind(options);
        var result = new TValidator().Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
        return result.Failed ? throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(TOptions), result.Failures) : options;
    }

    /// <summary>The same, with the class's own validator (rules across settings that annotations cannot say).</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string sectionName)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services.AddValidatedOptions<TOptions>(configuration, sectionName);
    }
}
