extension SourceText {
    /// This text with the bytes of `range` replaced by `replacement` (which, like the range's
    /// ends, must keep the text valid UTF-8). Equal to `SourceText(bytes:)` of the new bytes,
    /// but only the lines the edit touches are scanned again: the line table of the lines
    /// before it is kept and that of the lines after it is shifted, so a keystroke in a large
    /// document does not read the whole document again.
    public func replacing(_ range: SourceRange, with replacement: [UInt8]) -> SourceText {
        let start = max(0, min(range.start, bytes.count))
        let end = max(start, min(range.end, bytes.count))
        let delta = replacement.count - (end - start)
        var newBytes: [UInt8] = []
        newBytes.reserveCapacity(bytes.count + delta)
        newBytes.append(contentsOf: bytes[..<start])
        newBytes.append(contentsOf: replacement)
        newBytes.append(contentsOf: bytes[end...])

        // First line scanned again: the one the edit starts in, or the one before when that
        // line's CR could pair with an LF the edit puts at the start of this one.
        var firstLine = line(containing: start)
        if firstLine > 0, lineStarts[firstLine] == start, bytes[start - 1] == 0x0D { firstLine -= 1 }
        // First old line kept as it is: the one after the line the edit ends in. Its start
        // follows the last byte of that line's terminator, which lies at or after `end`, so
        // the edit left it as it was (an edit inside a CRLF is scanned with its line).
        let resumeLine = line(containing: end) + 1   // may be lineCount: scan to the end

        var starts = Array(lineStarts[...firstLine])
        var ends = Array(lineContentEnds[..<firstLine])
        starts.reserveCapacity(lineStarts.count + 8)
        ends.reserveCapacity(lineStarts.count + 8)
        let scanEnd = resumeLine < lineStarts.count ? lineStarts[resumeLine] + delta : newBytes.count
        SourceText.scanLines(newBytes, from: lineStarts[firstLine], to: scanEnd, starts: &starts, ends: &ends)
        if resumeLine < lineStarts.count {
            // The scan ended on the terminator before `resumeLine`.
            for line in resumeLine..<lineStarts.count {
                if line > resumeLine { starts.append(lineStarts[line] + delta) }
                ends.append(lineContentEnds[line] + delta)
            }
        } else {
            ends.append(newBytes.count)
        }

        // Long lines' column checkpoints: kept before, shifted after, counted again between.
        let lineDelta = starts.count - lineStarts.count
        var checkpoints: [Int: [ColumnCheckpoint]] = [:]
        for (line, points) in longLineCheckpoints {
            if line < firstLine {
                checkpoints[line] = points
            } else if line >= resumeLine {
                checkpoints[line + lineDelta] = points.map {
                    ColumnCheckpoint(byte: $0.byte + delta, utf16: $0.utf16, scalars: $0.scalars, display: $0.display)
                }
            }
        }
        for line in firstLine..<min(starts.count, resumeLine + lineDelta) where SourceText.hasCheckpoints(from: starts[line], to: ends[line]) {
            checkpoints[line] = SourceText.checkpoints(newBytes, from: starts[line], to: ends[line])
        }
        return SourceText(bytes: newBytes, lineStarts: starts, lineContentEnds: ends, longLineCheckpoints: checkpoints)
    }

    init(bytes: [UInt8], lineStarts: [Int], lineContentEnds: [Int], longLineCheckpoints: [Int: [ColumnCheckpoint]]) {
        self.bytes = bytes
        self.lineStarts = lineStarts
        self.lineContentEnds = lineContentEnds
        self.longLineCheckpoints = longLineCheckpoints
    }
}
