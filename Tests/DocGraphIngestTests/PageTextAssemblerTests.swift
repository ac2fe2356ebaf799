import Testing
@testable import DocGraphIngest

/// Printed lines go back into the paragraphs they were broken from, without the page furniture.
struct PageTextAssemblerTests {
    /// A line of an A4-like page: 20 points per line, text block from x = 50 to 550.
    static func line(_ text: String, row: Int, indent: Double = 0, width: Double = 500, gap: Double = 0) -> LaidOutLine {
        let top = 100 + Double(row) * 20 + gap
        return LaidOutLine(text: text, left: 50 + indent, top: top, right: 50 + indent + width, bottom: top + 14)
    }

    @Test func linesBrokenByThePageWidthRejoinWithoutSpacesInChinese() {
        let page = [
            Self.line("市人大常委会依法履行职责，制定了", row: 0, indent: 28, width: 472),
            Self.line("《某市河道管理条例》，开展执法检", row: 1),
            Self.line("查。", row: 2, width: 30),
            Self.line("常委会听取报告。", row: 3, indent: 28, width: 150),
        ]
        let out = PageTextAssembler.assemble(pages: [page])
        #expect(out.text == "市人大常委会依法履行职责，制定了《某市河道管理条例》，开展执法检查。\n常委会听取报告。")
        #expect(out.pageStarts == [0])
    }

    /// A ragged-right page (a fixed number of characters a line, some of them half-width digits and
    /// commas): a line that ends short of the margin but reaches most of the way there and closes
    /// no sentence continues; one that closes a sentence or introduces a list, or a short one, does not.
    @Test func aRaggedLineThatClosesNoSentenceContinuesOnTheNextLine() {
        let page = [
            Self.line("2024年,在市委的领导下,某市人大常委会围绕", row: 0, width: 430),
            Self.line("打造样板,认真履行法定职责,交出了新的答卷。", row: 1, width: 440),
            Self.line("一年来常委会听取报告十二次,作出决议和决定", row: 2, width: 470),
            Self.line("九项。全年共审议法规草案八件,批准十件:", row: 3, width: 420),
            Self.line("第一部分总结全年的工作情况", row: 4, width: 280),
            Self.line("常委会还开展了执法检查。", row: 5, width: 260),
        ]
        #expect(PageTextAssembler.assemble(pages: [page]).text == [
            "2024年,在市委的领导下,某市人大常委会围绕打造样板,认真履行法定职责,交出了新的答卷。",
            "一年来常委会听取报告十二次,作出决议和决定九项。全年共审议法规草案八件,批准十件:",
            "第一部分总结全年的工作情况", "常委会还开展了执法检查。",
        ].joined(separator: "\n"))
    }

    @Test func aNumberBrokenByThePageWidthInChineseTextJoinsWithoutASpace() {
        let chinese = [Self.line("推动全市五级企业家代表共计15", row: 0), Self.line("31名参加活动。", row: 1, width: 120)]
        #expect(PageTextAssembler.assemble(pages: [chinese]).text == "推动全市五级企业家代表共计1531名参加活动。")
        let english = [Self.line("The committee met eleven times in 2024", row: 0), Self.line("15 people attended.", row: 1, width: 120)]
        #expect(PageTextAssembler.assemble(pages: [english]).text == "The committee met eleven times in 2024 15 people attended.")
    }

    @Test func anIndentedOrSpacedLineStartsAParagraph() {
        let page = [
            Self.line("第一段的文字一直写到右边的边缘处为止", row: 0),
            Self.line("第二段缩进两个字", row: 1, indent: 28, width: 200),
            Self.line("第三段没有缩进但是和上面隔了一行的距离", row: 2, gap: 20),
        ]
        #expect(PageTextAssembler.assemble(pages: [[page[0], page[1]]]).text == "第一段的文字一直写到右边的边缘处为止\n第二段缩进两个字")
        let spaced = [Self.line("上一段的文字一直写到右边的边缘处为止", row: 0), Self.line("x", row: 1), page[2]]
        #expect(PageTextAssembler.assemble(pages: [spaced]).text.hasSuffix("\n第三段没有缩进但是和上面隔了一行的距离"))
    }

    @Test func aShortLineWithoutPunctuationAfterAFinishedSentenceIsAHeading() {
        let page = [
            Self.line("上一段的最后一句正好写到了右边的边缘。", row: 0),
            Self.line("第二部分", row: 1, width: 60),
            Self.line("下一段没有缩进，从左边一直写到右边的边", row: 2),
            Self.line("缘。", row: 3, width: 30),
        ]
        #expect(PageTextAssembler.assemble(pages: [page]).text == "上一段的最后一句正好写到了右边的边缘。\n第二部分\n下一段没有缩进，从左边一直写到右边的边缘。")
    }

    @Test func aParagraphRunsOnAcrossAPageBreakAndThePageStartsAtTheJoin() {
        let first = [Self.line("标题", row: 0, indent: 200, width: 40), Self.line("这一段从第一页开始一直写到页面的最右边", row: 1, indent: 28, width: 472)]
        let second = [Self.line("然后在第二页接着写完。", row: 0, width: 200)]
        let out = PageTextAssembler.assemble(pages: [first, second])
        #expect(out.text == "标题\n这一段从第一页开始一直写到页面的最右边然后在第二页接着写完。")
        #expect(out.pageStarts == [0, 22])
    }

    @Test func runningHeadersFootersAndPageNumbersAreDropped() {
        func page(_ n: Int, _ body: String) -> [LaidOutLine] {
            let lead = ["", "一", "二", "三"][n]
            return [LaidOutLine(text: "2025/1/11 14:43 某市人大常委会工作报告", left: 30, top: 10, right: 300, bottom: 20),
             Self.line("第\(lead)页的正文从左边一直写到右边的边缘", row: 0, indent: 28, width: 472),
             Self.line(body, row: 1, width: 200),
             LaidOutLine(text: "- \(n) -", left: 290, top: 800, right: 310, bottom: 810),
             LaidOutLine(text: "file:///tmp/report.html \(n)/3", left: 30, top: 820, right: 300, bottom: 830)]
        }
        let out = PageTextAssembler.assemble(pages: [page(1, "第一页。"), page(2, "第二页。"), page(3, "第三页。")])
        #expect(out.text == "第一页的正文从左边一直写到右边的边缘第一页。\n第二页的正文从左边一直写到右边的边缘第二页。\n第三页的正文从左边一直写到右边的边缘第三页。")
        #expect(out.pageStarts == [0, 23, 46])
    }

    @Test(arguments: ["3", "- 3 -", "— 12 —", "第3页", "第 3 页 共 12 页", "3/12", "Page 3", "page 3 of 12"])
    func pageNumberLinesAreRecognised(_ line: String) {
        #expect(PageTextAssembler.isPageNumber(line))
    }

    @Test(arguments: ["2024年", "第三章", "12个", "一、总则"])
    func otherShortLinesAreNotPageNumbers(_ line: String) {
        #expect(!PageTextAssembler.isPageNumber(line))
    }

    @Test func spacesBesideChineseGoAndAHyphenatedWordIsMended() {
        let page = [
            Self.line("2024 年 ，  在 市委 领导下 the com-", row: 0),
            Self.line("mittee met.", row: 1, width: 100),
        ]
        #expect(PageTextAssembler.assemble(pages: [page]).text == "2024年，在市委领导下the committee met.")
    }

    @Test func aPageWithoutTextStillHasItsStart() {
        let out = PageTextAssembler.assemble(pages: [[Self.line("第一页从左边一直写到右边的边缘", row: 0), Self.line("为止。", row: 1, width: 60)],
                                                     [], [Self.line("第三页。", row: 0, width: 80)]])
        #expect(out.text == "第一页从左边一直写到右边的边缘为止。\n第三页。")
        #expect(out.pageStarts == [0, 18, 19])
    }
}
