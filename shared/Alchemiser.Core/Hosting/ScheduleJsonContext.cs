using System.Text.Json.Serialization;

namespace Alchemiser.Core.Hosting;

/// <summary>
/// Source-generated JSON for <see cref="ScheduleInput"/>, a shape we define: the same rules as
/// <see cref="Json.CoreJsonContext"/> (snake_case, unknown members rejected, nullability respected).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(ScheduleInput))]
public sealed partial class ScheduleJsonContext : JsonSerializerContext;
