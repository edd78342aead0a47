namespace Alchemiser.Local.Hosting;

/// <summary>A Lambda function declared in <c>template.yaml</c>: its logical id (the consumer name) and its handler string.</summary>
public sealed record TemplateFunction(string LogicalId, string? Handler);
