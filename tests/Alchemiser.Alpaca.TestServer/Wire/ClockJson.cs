namespace Alchemiser.Alpaca.TestServer.Wire;

/// <summary>GET /v2/clock (components/schemas/legacy_clock); timestamps with the New York offset, as Alpaca sends them.</summary>
internal sealed record ClockJson(string Timestamp, bool IsOpen, string NextOpen, string NextClose);
