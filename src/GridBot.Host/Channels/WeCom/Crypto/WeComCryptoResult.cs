using System.Diagnostics.CodeAnalysis;

namespace GridBot.Host.Channels.WeCom.Crypto;

/// <summary>
/// Outcome of a crypto or envelope operation on untrusted input. Hostile input is an
/// expected case at a public callback URL, so it is reported here instead of thrown.
/// </summary>
/// <typeparam name="T">The value produced on success.</typeparam>
public sealed class WeComCryptoResult<T>
{
    private WeComCryptoResult(T? value, WeComCryptoError error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The value; not null when <see cref="IsSuccess"/> is true.</summary>
    public T? Value { get; }

    /// <summary><see cref="WeComCryptoError.None"/> on success, otherwise the official failure code.</summary>
    public WeComCryptoError Error { get; }

    /// <summary>True when the operation succeeded.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess => Error == WeComCryptoError.None;

    /// <summary>The official numeric code (0, -40001 … -40011), for logs.</summary>
    public int Code => (int)Error;

    /// <summary>A successful result.</summary>
    public static WeComCryptoResult<T> Success(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value, WeComCryptoError.None);
    }

    /// <summary>A failed result carrying <paramref name="error"/>.</summary>
    public static WeComCryptoResult<T> Failure(WeComCryptoError error)
    {
        if (error == WeComCryptoError.None)
        {
            throw new ArgumentException("A failure needs a non-zero error code.", nameof(error));
        }

        return new(default, error);
    }

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? $"Success({Value})" : $"Failure({Error} {Code})";
}
