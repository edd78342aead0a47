using System.Text.Json.Serialization;
using Alchemiser.Core.Sessions;

namespace Alchemiser.Local.Sessions;

/// <summary>
/// Source-generated JSON for the parts of a session the SQLite store keeps as JSON text: the expected strategies and
/// the allocation maps. Decimals are JSON numbers written with their full digits and scale, so they read back exactly.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(IReadOnlyList<SessionStrategy>))]
[JsonSerializable(typeof(SessionStrategy[]))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, decimal>))]
[JsonSerializable(typeof(Dictionary<string, decimal>))]
internal sealed partial class SessionJsonContext : JsonSerializerContext;
