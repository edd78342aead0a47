using System.Text.Json.Serialization;

namespace Alchemiser.StrategyOrchestrator;

/// <summary>Source-generated JSON for the orchestrator's response.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    UseStringEnumConverter = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(RunStart))]
public sealed partial class OrchestratorJsonContext : JsonSerializerContext;
