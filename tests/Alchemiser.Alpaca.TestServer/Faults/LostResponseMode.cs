namespace Alchemiser.Alpaca.TestServer.Faults;

/// <summary>What a client whose answer was lost sees.</summary>
public enum LostResponseMode
{
    /// <summary>500 with Alpaca's error body, as if the server failed after acting.</summary>
    InternalServerError,

    /// <summary>504 with a gateway's HTML page, as if a proxy gave up waiting.</summary>
    GatewayTimeout,

    /// <summary>The connection is reset without any response.</summary>
    ConnectionAborted,
}
