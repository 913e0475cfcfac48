// A child on a Windows pseudo-console (ConPTY): pipes in and out, resize, exit via the process handle.
// Compiled on every platform; only Linux runs the test suite here, so this path is unproven by CI.
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Threading.Channels;
using Microsoft.Win32.SafeHandles;

namespace Godel.Pty.Windows;

[SupportedOSPlatform("windows")]
internal sealed class ConPtyProcess : IPtyProcess
{
    private readonly nint _console;
    private readonly SafeProcessHandle _process;
    private readonly FileStream _output;
    private readonly FileStream _input;
    private readonly Channel<byte[]> _queue = Channel.CreateUnbounded<byte[]>(new() { SingleReader = true });
    private readonly TaskCompletionSource<PtyExitStatus> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeSpan _grace;
    private readonly RegisteredWaitHandle _exitWait;
    private readonly ManualResetEvent _processEvent;
    private long _pendingBytes;
    private int _consoleClosed;
    private int _disposed;

    private ConPtyProcess(nint console, SafeProcessHandle process, int pid, SafeFileHandle output, SafeFileHandle input, TimeSpan grace)
    {
        _console = console;
        _process = process;
        _grace = grace;
        ProcessId = pid;
        _output = new FileStream(output, FileAccess.Read, 0);
        _input = new FileStream(input, FileAccess.Write, 0);
        _ = Task.Factory.StartNew(DrainInput, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        _processEvent = new ManualResetEvent(false) { SafeWaitHandle = new SafeWaitHandle(process.DangerousGetHandle(), ownsHandle: false) };
        _exitWait = ThreadPool.RegisterWaitForSingleObject(_processEvent, (_, _) => OnExited(), null, Timeout.Infinite, executeOnlyOnce: true);
    }

    internal static ConPtyProcess Start(PtySpawnOptions options)
    {
        var command = SpawnCommand.Build(options);
        if (!Kernel32.CreatePipe(out var inRead, out var inWrite, 0, 0) || !Kernel32.CreatePipe(out var outRead, out var outWrite, 0, 0))
            throw PtyErrors.FromCode("CreatePipe", Marshal.GetLastPInvokeError());
        var hr = Kernel32.CreatePseudoConsole(Size(options.Columns, options.Rows), inRead, outWrite, 0, out var console);
        // The pseudo-console holds its own duplicates of its ends.
        inRead.Dispose();
        outWrite.Dispose();
        if (hr != 0)
        {
            inWrite.Dispose();
            outRead.Dispose();
            throw new PtySpawnException($"CreatePseudoConsole failed (HRESULT 0x{hr:X8}); ConPTY needs Windows 10 1809 or later.");
        }
        try
        {
            var (process, pid) = CreateProcess(command, console);
            return new ConPtyProcess(console, process, pid, outRead, inWrite, options.KillGracePeriod);
        }
        catch
        {
            Kernel32.ClosePseudoConsole(console);
            inWrite.Dispose();
            outRead.Dispose();
            throw;
        }
    }

    private static unsafe (SafeProcessHandle Process, int Pid) CreateProcess(ResolvedCommand command, nint console)
    {
        nint size = 0;
        _ = Kernel32.InitializeProcThreadAttributeList(null, 1, 0, ref size);
        var list = NativeMemory.Alloc((nuint)size);
        try
        {
            if (!Kernel32.InitializeProcThreadAttributeList(list, 1, 0, ref size))
                throw PtyErrors.FromCode("InitializeProcThreadAttributeList", Marshal.GetLastPInvokeError());
            try
            {
                if (!Kernel32.UpdateProcThreadAttribute(list, 0, Kernel32.ProcThreadAttributePseudoConsole, console, sizeof(nint), 0, 0))
                    throw PtyErrors.FromCode("UpdateProcThreadAttribute", Marshal.GetLastPInvokeError());
                var info = new StartupInfoEx { AttributeList = (nint)list };
                info.StartupInfo.Cb = sizeof(StartupInfoEx);
                // No standard handles of ours: the child must take its console from the pseudo-console.
                info.StartupInfo.Flags = Kernel32.StartfUseStdHandles;
                var commandLine = WindowsCommandLine.Build(command.Path, command.Argv.Skip(1).ToList()) + "\0";
                var environment = WindowsCommandLine.EnvironmentBlock(command.Env);
                ProcessInformation pi;
                fixed (char* cmd = commandLine)
                fixed (char* env = environment)
                fixed (char* cwd = command.WorkingDirectory)
                {
                    if (!Kernel32.CreateProcessW(null, cmd, 0, 0, 0, Kernel32.ExtendedStartupInfoPresent | Kernel32.CreateUnicodeEnvironment,
                            env, cwd, &info, &pi))
                        throw new PtySpawnException($"Could not start '{command.Path}': {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}.");
                }
                _ = Kernel32.CloseHandle(pi.Thread);
                return (new SafeProcessHandle(pi.Process, ownsHandle: true), pi.ProcessId);
            }
            finally
            {
                Kernel32.DeleteProcThreadAttributeList(list);
            }
        }
        finally
        {
            NativeMemory.Free(list);
        }
    }

    public int ProcessId { get; }

    public Stream Output => _output;

    public Task<PtyExitStatus> Exited => _exited.Task;

    public long PendingInputBytes => Interlocked.Read(ref _pendingBytes);

    public void Write(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (data.IsEmpty)
            return;
        Interlocked.Add(ref _pendingBytes, data.Length);
        _ = _queue.Writer.TryWrite(data.ToArray());
    }

    public void Resize(int columns, int rows)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Volatile.Read(ref _consoleClosed) == 0)
            _ = Kernel32.ResizePseudoConsole(_console, Size(columns, rows));
    }

    /// <summary>Windows has no signals: SIGINT becomes Ctrl-C on the console; anything else terminates the process.</summary>
    public void Signal(int signal)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (signal == 2)
            Write([0x03]);
        else if (!_exited.Task.IsCompleted)
            _ = Kernel32.TerminateProcess(_process, (uint)(128 + signal));
    }

    private void DrainInput()
    {
        try
        {
            while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (_queue.Reader.TryRead(out var chunk))
                {
                    _input.Write(chunk);
                    Interlocked.Add(ref _pendingBytes, -chunk.Length);
                }
            }
        }
        catch (IOException)
        {
            // The pseudo-console is gone: nobody will read the rest.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void OnExited()
    {
        var code = Kernel32.GetExitCodeProcess(_process, out var exit) ? (int)exit : -1;
        // Output ends only once the pseudo-console is closed; closing may wait for output to be read, so not inline.
        _ = Task.Run(CloseConsole);
        _exited.TrySetResult(new PtyExitStatus(code, null));
    }

    private void CloseConsole()
    {
        if (Interlocked.Exchange(ref _consoleClosed, 1) == 0)
            Kernel32.ClosePseudoConsole(_console);
    }

    private static Coord Size(int columns, int rows) =>
        new() { X = (short)Math.Clamp(columns, 1, short.MaxValue), Y = (short)Math.Clamp(rows, 1, short.MaxValue) };

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        // Closing the pseudo-console sends CTRL_CLOSE_EVENT: the Windows counterpart of SIGHUP.
        await Task.Run(CloseConsole).ConfigureAwait(false);
        if (await Task.WhenAny(Exited, Task.Delay(_grace)).ConfigureAwait(false) != Exited)
            _ = Kernel32.TerminateProcess(_process, 137);
        _ = await Task.WhenAny(Exited, Task.Delay(TimeSpan.FromSeconds(10))).ConfigureAwait(false);
        _queue.Writer.TryComplete();
        _exitWait.Unregister(null);
        _processEvent.Dispose();
        await _input.DisposeAsync().ConfigureAwait(false);
        await _output.DisposeAsync().ConfigureAwait(false);
        _process.Dispose();
    }
}
