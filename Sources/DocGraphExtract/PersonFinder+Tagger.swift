extension PersonFinder {
    /// Marks that begin a document's number (鲁发〔2019〕2号): what stands before one is no name.
    static let numberOpeners = Set("〔[［".unicodeScalars)

    /// What becomes of a person's name the tagger found alone (no post next to it): its range, read whole
    /// where the tagger cut it (阿卜杜·热合曼; 王志一) and, where the document names the same person in
    /// full elsewhere, that name (赵文 → 赵文生, 孙家明怀 → 孙家明); nil where the tagger's own reading
    /// around it says it is no name: a list whose items are mostly not names (机关、医院、商超), a place
    /// (正蓝旗), a document's number (鲁发〔2019〕), or a name the tagger was unsure of that nothing else in
    /// the document supports (黄赌).
    func taggerOnlyName(_ span: TaggerReading.Span, in sentence: Range<Int>) -> Range<Int>? {
        var r = span.range
        if let dotted = dottedName(around: r, in: sentence) { return dotted }
        if r.upperBound < scalars.count, Self.numberOpeners.contains(scalars[r.upperBound]) { return nil }
        if overlapsPlace(r) { return nil }
        if let inList = listSupport(r, in: sentence), !inList { return nil }
        // The same person named in full elsewhere: a shorter or a longer name of the tagger's.
        if let known = tagged.knownName(around: r, in: scalars) { r = known }
        // 赵文 where the document always writes 赵文生: the name is read whole.
        if r.count == 2, let whole = alwaysWrittenOn(r) { r = whole }
        // 陈百(灵屯): a name followed by a place's ending, at once or after a character, is the place's.
        for k in [r.upperBound, r.upperBound + 1] where k < sentence.upperBound {
            if rules.placeNameEndings.contains(scalars[k]) || index.localLevelEnds.contains(scalars[k]) {
                if k == r.upperBound || (isHan(scalars[r.upperBound]) && !index.nameStops.contains(scalars[r.upperBound])) { return nil }
            }
        }
        // 王志一), 張德中、: the tagger stopped a character short of a separator.
        let end = r.upperBound
        if r.count == 2, end + 1 < sentence.upperBound, isHan(scalars[end]), !index.nameStops.contains(scalars[end]),
           tagged.personsByStart[end] == nil, Self.separators.contains(scalars[end + 1]) || scalars[end + 1] == " " {
            r = r.lowerBound..<(end + 1)
        }
        if span.score < minimumNameScore, !tagged.isKnown(r, in: scalars), listSupport(r, in: sentence) != true { return nil }
        return r
    }

    /// `r` and the character after it, when the document writes `r` at least twice and always with that
    /// character after it (赵文 in a text that names 赵文生 throughout), unless that character begins the
    /// verb after a name (侯明出席 twice: `lexicons/name-end-characters.txt`).
    func alwaysWrittenOn(_ r: Range<Int>) -> Range<Int>? {
        let text = scalars
        guard r.count == 2, r.upperBound < scalars.count, isHan(scalars[r.upperBound]), !index.nameStops.contains(scalars[r.upperBound]),
              !index.nameEnds.contains(scalars[r.upperBound]),
              let places = tagged.twoCharacterNames[LexiconIndex.pair(text[r.lowerBound], text[r.lowerBound + 1])], places.count >= 2
        else { return nil }
        let next = text[r.upperBound]
        guard places.allSatisfy({ $0 + 2 < text.count && text[$0 + 2] == next }) else { return nil }
        return r.lowerBound..<(r.upperBound + 1)
    }

    /// Whether `r` overlaps a place's name (蓝旗 inside 正蓝旗), or is one.
    func overlapsPlace(_ r: Range<Int>) -> Bool {
        for end in (r.lowerBound + 1)...min(scalars.count, r.upperBound + 3) {
            guard let (start, _) = organizations.place(endingAt: end), start < r.upperBound else { continue }
            if start <= r.lowerBound && end >= r.upperBound { return true }
            if start < r.lowerBound || end > r.upperBound { return true }
        }
        return false
    }

    /// Whether the list `r` stands in (items between 、) has no fewer names than items that are none; nil when `r` stands in no
    /// list. Names written with only spaces between them (a byline's 鱼立军 康晓东) support each other.
    func listSupport(_ r: Range<Int>, in sentence: Range<Int>) -> Bool? {
        // The list's items: from the span, out to the first mark that is no list mark.
        var items: [Range<Int>] = []
        var a = r.lowerBound
        while a - 1 > sentence.lowerBound, scalars[a - 1] == "、" {
            var c = a - 1
            while c > sentence.lowerBound, isHan(scalars[c - 1]) { c -= 1 }
            guard c < a - 1 else { break }
            items.insert(c..<(a - 1), at: 0)
            a = c
        }
        items.append(r)
        var z = r.upperBound
        while z + 1 < sentence.upperBound, scalars[z] == "、" {
            var c = z + 1
            while c < sentence.upperBound, isHan(scalars[c]) { c += 1 }
            guard c > z + 1 else { break }
            items.append((z + 1)..<c)
            z = c
        }
        guard items.count >= 2 else { return spacedNameBeside(r, in: sentence) ? true : nil }
        // An item is a name when one of the tagger's names starts or ends it, or it has a name's shape (a
        // surname and one or two characters); it is none when it ends like a place's or a body's name, or
        // the tagger read it as one word that is no name (机关, 农批).
        var names = 0, others = 0
        for item in items {
            if rules.placeNameEndings.contains(scalars[item.upperBound - 1]) || endsLikeABody(item)
                || (item != r && tagged.readsAsWord(at: item.lowerBound, endingBy: item.upperBound)
                    && tagged.wordEnd[item.lowerBound] == item.upperBound) {
                others += 1
            } else if item == r || tagged.personsByStart[item.lowerBound] != nil || tagged.personsByEnd[item.upperBound] != nil
                        || ((2...3).contains(item.count) && ruleName(startingAt: item.lowerBound, limit: item.upperBound)?.upperBound == item.upperBound) {
                names += 1
            }
        }
        return names >= others
    }

    /// Whether a name of the tagger's stands right before or after `r` with only spaces between them.
    func spacedNameBeside(_ r: Range<Int>, in sentence: Range<Int>) -> Bool {
        var b = r.lowerBound
        while b > sentence.lowerBound, scalars[b - 1] == " " || scalars[b - 1] == "\u{3000}" { b -= 1 }
        if b < r.lowerBound, tagged.personsByEnd[b] != nil { return true }
        var c = r.upperBound
        while c < sentence.upperBound, scalars[c] == " " || scalars[c] == "\u{3000}" { c += 1 }
        return c > r.upperBound && tagged.personsByStart[c] != nil
    }
}

extension TaggerReading {
    /// Whether the tagger read the name `r` writes with confidence somewhere else in the document.
    func isKnown(_ r: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        let here = personsByStart[r.lowerBound].map { $0.range == r && $0.score >= minimumNameScore } == true ? 1 : 0
        return (confidentNames[scalars[r]] ?? 0) > here
    }

    /// A name the tagger read with confidence elsewhere in the document that `r` cuts short (刘汉 where
    /// 赵文生 is written on) or runs past (孙家明怀 for 孙家明): its range at `r`'s start.
    func knownName(around r: Range<Int>, in scalars: [Unicode.Scalar]) -> Range<Int>? {
        var best: Range<Int>?
        for length in 2...4 where length != r.count && r.lowerBound + length <= scalars.count {
            let candidate = r.lowerBound..<(r.lowerBound + length)
            if confidentNames[scalars[candidate]] != nil, best.map({ candidate.count > $0.count }) ?? true { best = candidate }
        }
        return best
    }
}
