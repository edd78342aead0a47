using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Alchemiser.Aws.DynamoDb;

/// <summary>
/// Attribute values both ways, exactly: decimals as invariant text in string attributes (DynamoDB numbers drop trailing
/// zeros, so a decimal's scale would be lost), instants as UTC ticks in number attributes written from invariant integer
/// text (every tick kept), TTL instants as epoch seconds, dates as <c>yyyy-MM-dd</c>.
/// </summary>
internal static class DynamoDbValues
{
    private const string DateFormat = "yyyy-MM-dd";

    public static AttributeValue Text(string value) => new() { S = value };

    public static AttributeValue Decimal(decimal value) => new() { S = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue Ticks(DateTimeOffset instant) => new() { N = instant.UtcTicks.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue EpochSeconds(DateTimeOffset instant) => new() { N = instant.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue Date(DateOnly date) => new() { S = DateText(date) };

    public static AttributeValue Bool(bool value) => new() { BOOL = value };

    public static string DateText(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string ReadText(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.S is { } text
            ? text
            : throw new InvalidDataException($"the stored item has no string attribute '{name}'");

    public static string? ReadOptionalText(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;

    public static decimal ReadDecimal(Dictionary<string, AttributeValue> item, string name) => ParseDecimal(ReadText(item, name));

    public static decimal ParseDecimal(string text) =>
        decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    public static DateTimeOffset ReadTicks(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.N is { } number
            ? new DateTimeOffset(long.Parse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), TimeSpan.Zero)
            : throw new InvalidDataException($"the stored item has no number attribute '{name}'");

    public static DateTimeOffset? ReadOptionalTicks(Dictionary<string, AttributeValue> item, string name) =>
        item.ContainsKey(name) ? ReadTicks(item, name) : null;

    public static DateOnly ReadDate(Dictionary<string, AttributeValue> item, string name) =>
        DateOnly.ParseExact(ReadText(item, name), DateFormat, CultureInfo.InvariantCulture);
}
