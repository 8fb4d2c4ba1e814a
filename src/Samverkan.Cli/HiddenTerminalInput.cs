using System.Text;

namespace Samverkan.Cli;

/// <summary>
/// Standard input when it is a terminal: reads lines without echoing them, because the only thing the CLI
/// reads by hand is a password.
/// </summary>
internal sealed class HiddenTerminalInput : TextReader
{
    public override string? ReadLine()
    {
        var line = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    return line.ToString();
                case ConsoleKey.Backspace:
                    if (line.Length > 0) line.Length--;
                    break;
                default:
                    // Ctrl+D on an empty line is end of input, as in any Unix program reading stdin.
                    if (key.KeyChar == '\u0004' && line.Length == 0) return null;
                    if (!char.IsControl(key.KeyChar)) line.Append(key.KeyChar);
                    break;
            }
        }
    }

    public override Task<string?> ReadLineAsync() => Task.FromResult(ReadLine());

    public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => ValueTask.FromResult(ReadLine());
}
