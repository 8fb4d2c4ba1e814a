using Samverkan.Common;

namespace Samverkan.Documents.Import;

/// <summary>
/// The importer's expected failures. All are <see cref="ErrorKind.Validation"/>; front ends that speak HTTP
/// should map <see cref="UnsupportedType"/> to 415 and <see cref="TooLarge"/> to 413 by code, the rest to 422.
/// </summary>
public static class ImportErrors
{
    public const string EmptyFile = "import.empty-file";
    public const string UnsupportedType = "import.unsupported-type";
    public const string TooLarge = "import.too-large";
    public const string Unreadable = "import.unreadable";
    public const string Encrypted = "import.encrypted";
    public const string NoText = "import.no-text";

    /// <summary>The file hit the time or text budget in <see cref="ImportOptions"/>.</summary>
    public const string TooComplex = "import.too-complex";

    /// <summary>Not produced today: Windows-1252 text is decoded with a warning instead of refused.</summary>
    public const string EncodingUnsupported = "import.encoding-unsupported";

    internal static Error Empty() => Error.Validation(EmptyFile, "Filen är tom.", "file");

    internal static Error Unsupported(string extension) => Error.Validation(UnsupportedType,
        extension.Length == 0
            ? "Filen saknar filändelse. Ladda upp en .pdf-, .docx- eller .txt-fil."
            : extension == ".doc"
                ? "Filformatet .doc stöds inte. Spara om dokumentet som .docx eller PDF och försök igen."
                : $"Filformatet {extension} stöds inte. Ladda upp en .pdf-, .docx- eller .txt-fil.",
        "file");

    internal static Error Large(long max) => Error.Validation(TooLarge,
        $"Filen är för stor. Största tillåtna storlek är {max / (1024 * 1024)} MB.", "file");

    internal static Error UnreadableFile(string message) => Error.Validation(Unreadable, message, "file");

    internal static Error EncryptedFile() => Error.Validation(Encrypted,
        "Dokumentet är lösenordsskyddat. Ta bort skyddet och ladda upp det igen.", "file");

    internal static Error NoTextLayer(bool pdf) => Error.Validation(NoText,
        pdf
            ? "PDF-filen saknar textlager (den är troligen inskannad som bild). Kör textigenkänning (OCR) på den först."
            : "Dokumentet innehåller ingen text.",
        "file");

    internal static Error Complex(string message) => Error.Validation(TooComplex, message, "file");
}
