using System.Text.Json.Serialization;

namespace Alchemiser.Core.Configuration;

/// <summary>The JSON document of a stage manifest: <c>{"strategies": [{"file": "x.clj", "weight": 0.5}, …]}</c>.</summary>
internal sealed class StrategyManifestDocument
{
    [JsonPropertyName("strategies")]
    public List<StrategyManifestEntry?>? Strategies { get; set; }
}

/// <summary>One raw entry of <see cref="StrategyManifestDocument"/>; fields are nullable so missing ones can be reported by name.</summary>
internal sealed class StrategyManifestEntry
{
    [JsonPropertyName("file")]
    public string? File { get; set; }

    [JsonPropertyName("weight")]
    public decimal? Weight { get; set; }
}

/// <summary>
/// Source-generated System.Text.Json metadata for the manifest (no reflection at run time). Strict: unknown
/// members, duplicate members, comments, trailing commas and numbers written as strings are all rejected.
/// </summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(StrategyManifestDocument))]
internal sealed partial class StrategyManifestJsonContext : JsonSerializerContext;
