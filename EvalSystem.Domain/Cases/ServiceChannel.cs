namespace EvalSystem.Domain.Cases;

/// <summary>办理渠道: how a case was filed or a rating given.</summary>
public enum ServiceChannel
{
    /// <summary>网上办理 (PC, mobile app, mini-program)</summary>
    Online = 1,
    /// <summary>窗口办理 (政务服务大厅)</summary>
    Window = 2,
}

public static class ServiceChannels
{
    public static string Label(this ServiceChannel channel) => channel switch
    {
        ServiceChannel.Online => "网上",
        ServiceChannel.Window => "窗口",
        _ => channel.ToString(),
    };
}
