import Foundation
import MLCommonsCore

/// The emulator's question-answering models: sentences of the context scored by the cosine of their
/// embedding with the question's. The semantic highlighter marks the sentences whose relevance
/// (`1 / (1 + e^(−10 (cos − 0.3)))`) reaches 0.5, or else the best one if it reaches 0.05, as the real
/// model's thresholds do; an extractive model answers with the best sentence's tokens.
struct QuestionAnswerer: Sendable {
    let encoder: HashedTextEncoder

    func relevance(_ question: [Float], _ sentence: String) -> Double {
        1 / (1 + exp(-10 * (HashedTextEncoder.cosine(question, encoder.embed(sentence)) - 0.3)))
    }

    /// `{"name": "highlights", "dataAsMap": {"highlights": [{start, end, text, position}]}}`, numbers as
    /// doubles (they pass through a JSON map in ml-commons), sorted by position.
    func highlights(question: String, context: String) -> ModelTensor {
        let questionVector = encoder.embed(question)
        let sentences = SentenceSegmenter.sentences(context)
        let scored = sentences.map { ($0, relevance(questionVector, $0.text)) }
        var chosen = scored.filter { $0.1 >= 0.5 }.map(\.0)
        if chosen.isEmpty, let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= 0.05 { chosen = [best.0] }
        let highlights: [JSONValue] = chosen.sorted { $0.position < $1.position }.map { sentence in
            .object(JavaHashMapOrder.ordered([
                "start": .number(JSONNumber(Double(sentence.start))), "end": .number(JSONNumber(Double(sentence.end))),
                "text": .string(sentence.text), "position": .number(JSONNumber(Double(sentence.position))),
            ]))
        }
        return .map("highlights", ["highlights": .array(highlights)])
    }

    /// `{"result": "<answer>"}`: the best sentence as the tokenizer rebuilds an answer span (lower-cased
    /// tokens joined by spaces).
    func answer(question: String, context: String) -> ModelTensor {
        let questionVector = encoder.embed(question)
        let best = SentenceSegmenter.sentences(context).max { relevance(questionVector, $0.text) < relevance(questionVector, $1.text) }
        return .text(encoder.tokenizer.tokens(best?.text ?? "").joined(separator: " "))
    }
}
