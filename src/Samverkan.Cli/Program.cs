namespace Samverkan.Cli;

public static class Program
{
    // A terminal gets a reader that does not echo, so `users add --password-stdin` typed by hand stays hidden;
    // piped input (echo pw | samverkan ...) is read as it is.
    public static Task<int> Main(string[] args)
    {
        var stdin = Console.IsInputRedirected ? Console.In : new HiddenTerminalInput();
        return CliApp.RunAsync(args, stdin, Console.Out, Console.Error);
    }
}
