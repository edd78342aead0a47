namespace Alchemiser.Alpaca.TestServer.Wire;

/// <summary>Alpaca's error body (components/schemas/Error).</summary>
internal sealed record ErrorJson(int Code, string Message);
