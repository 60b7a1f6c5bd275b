using Microsoft.AspNetCore.Components.Forms;

namespace Linli.Modules.Residents;

// Shows a slice's field errors (camelCase API names) beside the form's inputs, like DataAnnotations messages.
public static class FieldErrors
{
    public static void Show(EditContext context, ref ValidationMessageStore? store, IReadOnlyDictionary<string, string[]> errors)
    {
        store ??= new ValidationMessageStore(context);
        store.Clear();
        foreach (var (field, messages) in errors)
        {
            var property = field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..];
            store.Add(context.Field(property), messages);
        }
        context.NotifyValidationStateChanged();
    }
}
