using System.Text.Json;
using System.Text.Json.Nodes;
using Alchemiser.Core.Events;
using Alchemiser.Core.Hosting;

namespace Alchemiser.Local.Tests.Contracts;

/// <summary>
/// The envelope and every payload reject what the contract does not allow: an unknown member, a missing member, a null
/// where the record is not nullable. Checked by mutating each sample at every member of every record object.
/// </summary>
public sealed class EnvelopeStrictnessTests
{
    /// <summary>Payload members whose value is a map (symbol → weight): keys there are data, not members.</summary>
    private static readonly HashSet<string> MapMembers = new(StringComparer.Ordinal) { "allocation", "portfolio" };

    public static TheoryData<string> EventTypeData() => Samples.EventTypeData();

    [Theory]
    [MemberData(nameof(EventTypeData))]
    public void Envelope_without_any_one_member_is_rejected(string eventType)
    {
        var members = Detail(Samples.Node(eventType)).Select(p => p.Key).ToList();
        Assert.Equal(9, members.Count);

        foreach (var member in members)
        {
            var node = Samples.Node(eventType);
            Detail(node).Remove(member);

            var error = Assert.Throws<JsonException>(() => EventBridgeEvent.FromJson(node.ToJsonString()));
            Assert.Contains(member, error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(EventTypeData))]
    public void Envelope_with_an_unknown_member_is_rejected(string eventType)
    {
        var node = Samples.Node(eventType);
        Detail(node)["priority"] = "high";

        var error = Assert.Throws<JsonException>(() => EventBridgeEvent.FromJson(node.ToJsonString()));
        Assert.Contains("'priority'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EventTypeData))]
    public void Payload_without_any_one_member_of_any_record_is_rejected(string eventType)
    {
        var paths = RecordMemberPaths(Payload(Samples.Node(eventType)), []).ToList();
        Assert.True(paths.Count >= 4, $"only {paths.Count} payload members found in {eventType}");

        foreach (var path in paths)
        {
            var node = Samples.Node(eventType);
            var (parent, member) = Locate(Payload(node), path);
            parent.Remove(member);

            Assert.Throws<JsonException>(() => ReadPayload(eventType, node));
        }
    }

    [Theory]
    [MemberData(nameof(EventTypeData))]
    public void Payload_with_an_unknown_member_in_any_record_is_rejected(string eventType)
    {
        var objects = RecordMemberPaths(Payload(Samples.Node(eventType)), [])
            .Select(path => path[..^1])
            .Distinct(new PathComparer())
            .ToList();
        Assert.NotEmpty(objects);

        foreach (var path in objects)
        {
            var node = Samples.Node(eventType);
            Navigate(Payload(node), path).AsObject()["unexpected_member"] = 1;

            var error = Assert.Throws<JsonException>(() => ReadPayload(eventType, node));
            Assert.Contains("'unexpected_member'", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Mutations_reach_nested_records_but_not_map_keys()
    {
        var plan = RecordMemberPaths(Payload(Samples.Node(EventTypes.RebalancePlanned)), []).Select(p => string.Join('/', p)).ToList();
        Assert.Contains("trades/0/block_reason", plan);
        Assert.Contains("comparison/11/delta_value", plan);

        var signal = RecordMemberPaths(Payload(Samples.Node(EventTypes.SignalGenerated)), []).Select(p => string.Join('/', p)).ToList();
        Assert.Contains("contributions/2/effective_weight", signal);
        Assert.Contains("portfolio", signal);
        Assert.DoesNotContain(signal, p => p.StartsWith("portfolio/", StringComparison.Ordinal) || p.Contains("/allocation/", StringComparison.Ordinal));
    }

    [Fact]
    public void Null_is_rejected_where_the_contract_is_not_nullable_and_kept_where_it_is()
    {
        var envelope = Samples.Node(EventTypes.PartialSignalGenerated);
        Detail(envelope)["event_type"] = null;
        Assert.Throws<JsonException>(() => EventBridgeEvent.FromJson(envelope.ToJsonString()));

        var payload = Samples.Node(EventTypes.PartialSignalGenerated);
        Payload(payload)["session_id"] = null;
        Assert.Throws<JsonException>(() => ReadPayload(EventTypes.PartialSignalGenerated, payload));

        var nullable = Samples.Node(EventTypes.PartialSignalGenerated);
        Detail(nullable)["causation_id"] = null;
        Assert.Null(EventBridgeEvent.FromJson(nullable.ToJsonString()).Detail.CausationId);
    }

    [Fact]
    public void Detail_that_is_null_or_not_an_envelope_is_rejected()
    {
        var nullDetail = Samples.Node(EventTypes.SignalGenerated);
        nullDetail["detail"] = null;
        Assert.Throws<JsonException>(() => EventBridgeEvent.FromJson(nullDetail.ToJsonString()));

        var payloadAsDetail = Samples.Node(EventTypes.SignalGenerated);
        payloadAsDetail["detail"] = Payload(payloadAsDetail).DeepClone();
        Assert.Throws<JsonException>(() => EventBridgeEvent.FromJson(payloadAsDetail.ToJsonString()));
    }

    private static void ReadPayload(string eventType, JsonObject node) =>
        Samples.PayloadContract[eventType](EventBridgeEvent.FromJson(node.ToJsonString()).Detail);

    private static JsonObject Detail(JsonObject node) => node["detail"]!.AsObject();

    private static JsonObject Payload(JsonObject node) => Detail(node)["payload"]!.AsObject();

    /// <summary>The path (member names and array indexes) of every member of every record object under <paramref name="record"/>.</summary>
    private static IEnumerable<string[]> RecordMemberPaths(JsonObject record, string[] prefix)
    {
        foreach (var (name, value) in record)
        {
            string[] path = [.. prefix, name];
            yield return path;
            if (MapMembers.Contains(name))
            {
                continue;
            }

            foreach (var nested in NestedRecords(value, path))
            {
                foreach (var inner in RecordMemberPaths(nested.Record, nested.Path))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<(JsonObject Record, string[] Path)> NestedRecords(JsonNode? value, string[] path)
    {
        switch (value)
        {
            case JsonObject obj:
                yield return (obj, path);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject item)
                    {
                        yield return (item, [.. path, i.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                    }
                }

                break;
        }
    }

    /// <summary>The object holding the last segment of <paramref name="path"/>, and that segment.</summary>
    private static (JsonObject Parent, string Member) Locate(JsonObject root, string[] path) =>
        (Navigate(root, path[..^1]).AsObject(), path[^1]);

    private static JsonNode Navigate(JsonObject root, string[] path)
    {
        JsonNode current = root;
        foreach (var segment in path)
        {
            current = current is JsonArray array
                ? array[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)]!
                : current[segment]!;
        }

        return current;
    }

    private sealed class PathComparer : IEqualityComparer<string[]>
    {
        public bool Equals(string[]? x, string[]? y) => x!.SequenceEqual(y!, StringComparer.Ordinal);

        public int GetHashCode(string[] obj) => string.Join('/', obj).GetHashCode(StringComparison.Ordinal);
    }
}
