using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tickets.Classification;

internal sealed class ClassifierOptionsValidator : IValidateOptions<ClassifierOptions>
{
    public ValidateOptionsResult Validate(string? name, ClassifierOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (!string.IsNullOrWhiteSpace(options.ModelPath) && !File.Exists(ClassifierOptions.Resolve(options.ModelPath)))
        {
            return ValidateOptionsResult.Fail($"Classifier:ModelPath '{options.ModelPath}' does not exist.");
        }

        if (string.IsNullOrWhiteSpace(options.ModelPath) && !File.Exists(ClassifierOptions.Resolve(options.TrainingDataPath)))
        {
            return ValidateOptionsResult.Fail($"Classifier:TrainingDataPath '{options.TrainingDataPath}' does not exist (needed when Classifier:ModelPath is empty).");
        }

        return ValidateOptionsResult.Success;
    }
}
