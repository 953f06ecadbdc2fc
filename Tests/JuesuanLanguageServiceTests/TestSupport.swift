import JuesuanLanguageService
import JuesuanSyntax
import XCTest

/// A document with a cursor marker `‸` (removed from the text); returns the snapshot and the
/// marker's byte offset.
func snapshot(_ marked: String, uri: String = "file:///t.juesuan") -> (DocumentSnapshot, Int) {
    let marker = "‸"
    guard let range = marked.range(of: marker) else {
        return (DocumentSnapshot(uri: uri, version: 1, text: marked), 0)
    }
    let offset = marked.utf8.distance(from: marked.utf8.startIndex, to: range.lowerBound.samePosition(in: marked.utf8)!)
    let text = marked.replacingCharacters(in: range, with: "")
    return (DocumentSnapshot(uri: uri, version: 1, text: text), offset)
}

func completion(_ marked: String) -> (CompletionList, DocumentSnapshot, Int) {
    let (doc, offset) = snapshot(marked)
    return (LanguageService.completion(doc, at: offset), doc, offset)
}

extension CompletionList {
    var labels: [String] { items.sorted { $0.sortText < $1.sortText }.map(\.label) }
    func item(_ label: String) -> CompletionItem? { items.first { $0.label == label } }
}

let header = """
部门 测试局
年度 2024
单位 万元

"""
