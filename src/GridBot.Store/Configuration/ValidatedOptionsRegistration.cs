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

    /// <summary>The same, with the class's own validator (rules across settings that annotations cannot say).</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string sectionName)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services.AddValidatedOptions<TOptions>(configuration, sectionName);
    }
}
