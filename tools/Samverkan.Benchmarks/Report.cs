namespace Samverkan.Benchmarks;

public sealed record Report(string Markdown, bool AllAnswered);
