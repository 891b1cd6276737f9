using GridBot.Dialogs.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Dialogs.Appeals;

public static class AppealsServiceCollectionExtensions
{
    public static IServiceCollection AddAppeals(this IServiceCollection services)
    {
        services.AddScoped<KnowledgeSearch>();
        services.AddScoped<QuestionAnswerer>();
        services.AddScoped<AppealDesk>();
        services.AddScoped<ICommand, AskCommand>();
        services.AddScoped<ICommand, FaqCommand>();
        services.AddScoped<ICommand, AnswerCommand>();
        return services;
    }
}
