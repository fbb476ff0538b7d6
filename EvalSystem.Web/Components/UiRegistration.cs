using System.Text.Encodings.Web;
using System.Text.Unicode;
using MudBlazor.Services;

namespace EvalSystem.Web.Components;

public static class UiRegistration
{
    public static IHostApplicationBuilder AddEvalUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices(config =>
        {
            // Top right is where the user and the sign-out button are.
            config.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight;
            config.SnackbarConfiguration.VisibleStateDuration = 6000;
        });
        // Emit Chinese as UTF-8 rather than as &#x...; entities.
        builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        return builder;
    }
}
