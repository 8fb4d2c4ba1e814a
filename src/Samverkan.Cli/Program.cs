using Samverkan.Cli;

// A terminal gets a reader that does not echo, so `users add --password-stdin` typed by hand stays hidden;
// piped input (echo pw | samverkan ...) is read as it is.
var stdin = Console.IsInputRedirected ? Console.In : new HiddenTerminalInput();
return await CliApp.RunAsync(args, stdin, Console.Out, Console.Error);
