using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Alchemiser.Alpaca.TestServer.Wire;

/// <summary>
/// Alpaca's ids are UUIDs; the broker's are not (the paper broker counts <c>paper-000001</c> up). Each broker order
/// id, symbol and account id gets a name-based UUID (RFC 9562 version 8: the first 128 bits of SHA-256 over a kind
/// prefix and the name), so the same name always gets the same id, and the server remembers the way back for the
/// ids it has handed out. Thread-safe.
/// </summary>
internal sealed class AlpacaIds
{
    private readonly ConcurrentDictionary<string, string> _brokerOrderIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _symbols = new(StringComparer.Ordinal);

    /// <summary>The UUID the server shows for broker order <paramref name="brokerOrderId"/>.</summary>
    public string OrderId(string brokerOrderId)
    {
        var id = NameBased("order", brokerOrderId);
        _brokerOrderIds.TryAdd(id, brokerOrderId);
        return id;
    }

    /// <summary>The broker order id behind an order UUID the server handed out; null for any other text.</summary>
    public string? BrokerOrderId(string orderId) =>
        _brokerOrderIds.TryGetValue(orderId.ToLowerInvariant(), out var brokerOrderId) ? brokerOrderId : null;

    /// <summary>The UUID the server shows as <paramref name="symbol"/>'s asset id.</summary>
    public string AssetId(string symbol)
    {
        var id = NameBased("asset", symbol);
        _symbols.TryAdd(id, symbol);
        return id;
    }

    /// <summary>The symbol behind an asset UUID the server handed out; null for any other text.</summary>
    public string? SymbolOfAssetId(string assetId) =>
        _symbols.TryGetValue(assetId.ToLowerInvariant(), out var symbol) ? symbol : null;

    /// <summary>The UUID the server shows as the account's id.</summary>
    public static string AccountId(string brokerAccountId) => NameBased("account", brokerAccountId);

    private static string NameBased(string kind, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + name));
        var bytes = hash.AsSpan(0, 16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
