namespace Alchemiser.Alpaca.TestServer.Faults;

/// <summary>The request is served — an order is placed, replaced or cancelled — but the client gets <see cref="Mode"/> instead of the answer.</summary>
public sealed record LostResponseFault : Fault
{
    internal LostResponseFault(LostResponseMode mode)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown lost-response mode");
        }

        Mode = mode;
    }

    public LostResponseMode Mode { get; }

    /// <inheritdoc />
    public override string Description => Mode switch
    {
        LostResponseMode.InternalServerError => "lost response: served, answered 500",
        LostResponseMode.GatewayTimeout => "lost response: served, answered 504",
        _ => "lost response: served, connection aborted",
    };
}
