using System.Text.Encodings.Web;
using System.Text.Unicode;
using MudBlazor.Services;

namespace EvalSystem.Web.Components;

public static class UiRegistration
{
    public static IHostApplicationBuilder AddEvalUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        // Emit Chinese as UTF-8 rather than as &#x...; entities.
        builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        return builder;
    }
}
