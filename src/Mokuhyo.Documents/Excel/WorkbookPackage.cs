using System.IO.Compression;

namespace Mokuhyo.Documents.Excel;

/// <summary>
/// Takes an uploaded file into memory and checks it as a zip before any XML parser sees it: its size,
/// its number of parts, and how far each part really decompresses (a zip bomb declares small sizes or
/// compresses a thousandfold).
/// </summary>
internal static class WorkbookPackage
{
    private static ReadOnlySpan<byte> ZipMagic => [0x50, 0x4B, 0x03, 0x04];

    /// <summary>An empty zip is only its end record.</summary>
    private static ReadOnlySpan<byte> EmptyZipMagic => [0x50, 0x4B, 0x05, 0x06];

    /// <summary>Compound files: .xls, and .xlsx protected by a password (encrypted inside such a file).</summary>
    private static ReadOnlySpan<byte> CompoundFileMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static async Task<MemoryStream?> LoadAsync(Stream input, ErrorCollector errors, CancellationToken cancellationToken)
    {
        if (input.CanSeek && input.Length - input.Position > WorkbookLimits.MaxFileBytes)
        {
            errors.File(WorkbookText.Keys.FileTooLarge, WorkbookLimits.MaxFileBytes / (1024 * 1024));
            return null;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > WorkbookLimits.MaxFileBytes)
            {
                await buffer.DisposeAsync();
                errors.File(WorkbookText.Keys.FileTooLarge, WorkbookLimits.MaxFileBytes / (1024 * 1024));
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        if (Check(buffer, errors, cancellationToken))
        {
            buffer.Position = 0;
            return buffer;
        }

        await buffer.DisposeAsync();
        return null;
    }

    private static bool Check(MemoryStream buffer, ErrorCollector errors, CancellationToken cancellationToken)
    {
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.Length == 0)
        {
            errors.File(WorkbookText.Keys.FileEmpty);
            return false;
        }

        if (bytes.StartsWith(CompoundFileMagic))
        {
            errors.File(WorkbookText.Keys.FileOldExcel);
            return false;
        }

        if (!bytes.StartsWith(ZipMagic) && !bytes.StartsWith(EmptyZipMagic))
        {
            errors.File(WorkbookText.Keys.FileNotXlsx);
            return false;
        }

        buffer.Position = 0;
        try
        {
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > WorkbookLimits.MaxEntries)
            {
                errors.File(WorkbookText.Keys.FileTooManyEntries, zip.Entries.Count, WorkbookLimits.MaxEntries);
                return false;
            }

            if (zip.Entries.Count == 0)
            {
                errors.File(WorkbookText.Keys.FileUnreadable);
                return false;
            }

            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (declared > WorkbookLimits.MaxUncompressedBytes)
                {
                    errors.File(WorkbookText.Keys.FileTooLargeUncompressed, WorkbookLimits.MaxUncompressedBytes / (1024 * 1024));
                    return false;
                }

                if (entry.Length >= WorkbookLimits.RatioCheckedFromBytes
                    && entry.Length > Math.Max(entry.CompressedLength, 1) * WorkbookLimits.MaxCompressionRatio)
                {
                    errors.File(WorkbookText.Keys.FileCompressionRatio, entry.FullName);
                    return false;
                }
            }

            // The sizes above are what the file claims; decompress to see what it holds.
            var scratch = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var stream = entry.Open();
                long actual = 0;
                int n;
                while ((n = stream.Read(scratch, 0, scratch.Length)) > 0)
                {
                    actual += n;
                    if (actual > entry.Length)
                    {
                        errors.File(WorkbookText.Keys.FileEntrySizeMismatch, entry.FullName);
                        return false;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or IOException)
        {
            errors.File(WorkbookText.Keys.FileNotXlsx);
            return false;
        }

        return true;
    }
}
