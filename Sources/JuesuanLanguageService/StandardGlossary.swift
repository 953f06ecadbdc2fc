/// The built-in glossary of terms that recur in departmental final-accounts reports.
///
/// The definitions are this project's own short explanations (paraphrased from the
/// conventions collected in spec/domain-rules.md §8), not quotations of any report. A
/// document's own `名词解释` takes precedence over them for hover.
public struct GlossaryTerm: Sendable, Hashable {
    /// The term as printed.
    public var term: String
    /// Other spellings found in reports (older labels, half-width brackets, straight quotes).
    public var aliases: [String]
    public var definition: String

    public init(_ term: String, aliases: [String] = [], _ definition: String) {
        self.term = term
        self.aliases = aliases
        self.definition = definition
    }

    /// Every spelling, the term first.
    public var spellings: [String] { [term] + aliases }
}

public enum StandardGlossary {
    public static let terms: [GlossaryTerm] = [
        GlossaryTerm("财政拨款收入",
                     "单位当年从同级财政部门取得的资金，分为一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款三类。"),
        GlossaryTerm("一般公共预算财政拨款", aliases: ["一般公共预算财政拨款收入"],
                     "来源于一般公共预算的财政拨款，包括纳入一般公共预算管理的非税收入安排的资金。"),
        GlossaryTerm("政府性基金预算财政拨款", aliases: ["政府性基金预算财政拨款收入"],
                     "来源于政府性基金预算的财政拨款；政府性基金按规定专款专用。"),
        GlossaryTerm("国有资本经营预算财政拨款", aliases: ["国有资本经营预算财政拨款收入"],
                     "来源于国有资本经营预算（国有资本收益安排的预算）的财政拨款。"),
        GlossaryTerm("上级补助收入",
                     "单位从主管部门或上级单位取得的非财政补助资金。"),
        GlossaryTerm("事业收入",
                     "事业单位开展专业业务活动及其辅助活动所取得的收入。"),
        GlossaryTerm("经营收入", aliases: ["事业单位经营收入"],
                     "事业单位在专业业务活动及其辅助活动之外，开展非独立核算经营活动所取得的收入。"),
        GlossaryTerm("附属单位上缴收入",
                     "附属单位按规定缴给本单位的资金。"),
        GlossaryTerm("其他收入",
                     "上述各项之外取得的收入，例如存款利息、固定资产出租收入等。"),
        GlossaryTerm("使用非财政拨款结余（含专用结余）", aliases: ["使用非财政拨款结余", "使用非财政拨款结余(含专用结余)"],
                     "事业单位动用以前年度积累的非财政拨款结余和专用结余，用来弥补当年收支之间的差额。"),
        GlossaryTerm("年初结转和结余", aliases: ["上年结转和结余"],
                     "以前年度带入本年的资金：尚未完成、按原用途继续使用的结转资金，以及项目完成后剩余的结余资金。"),
        GlossaryTerm("结余分配",
                     "事业单位按会计制度从结余中作出的分配，包括缴纳的所得税、提取的专用基金和转入非财政拨款结余的金额。"),
        GlossaryTerm("年末结转和结余",
                     "结转到下年或以后年度使用的资金：工作尚未完成需继续使用的结转资金，以及项目完成后形成的结余资金。"),
        GlossaryTerm("基本支出",
                     "为保障机构日常运转、完成日常工作任务而发生的支出，由人员经费和公用经费两部分组成。"),
        GlossaryTerm("项目支出",
                     "在基本支出之外，为完成特定行政工作任务或事业发展目标而发生的支出。"),
        GlossaryTerm("人员经费",
                     "基本支出中与人员有关的部分，即工资福利支出（301）和对个人和家庭的补助（303）。"),
        GlossaryTerm("公用经费",
                     "基本支出中用于购买商品和服务、维持机关运转的部分，主要是商品和服务支出（302），以及按基本支出列支的债务利息、资本性支出等。"),
        GlossaryTerm("上缴上级支出",
                     "事业单位按规定标准或比例上缴给主管部门或上级单位的支出。"),
        GlossaryTerm("经营支出",
                     "事业单位开展非独立核算经营活动发生的支出，与经营收入相对应。"),
        GlossaryTerm("对附属单位补助支出",
                     "单位用非财政拨款资金对附属单位给予补助所发生的支出。"),
        GlossaryTerm("“三公”经费", aliases: ["三公经费", "\"三公\"经费", "‘三公’经费"],
                     "用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费三项支出的合称。"),
        GlossaryTerm("因公出国（境）费", aliases: ["因公出国(境)费", "因公出国（境）费用"],
                     "单位工作人员公务出国（境）发生的国际旅费、境外城市间交通费、住宿费、伙食费、培训费、公杂费等。"),
        GlossaryTerm("公务用车购置及运行维护费", aliases: ["公务用车购置及运行费"],
                     "购置公务用车的支出（含车辆购置税和牌照费），以及保有公务用车的燃料、维修、过路过桥、保险等运行维护支出。"),
        GlossaryTerm("公务用车购置费",
                     "购置公务用车的支出，含车辆购置税和牌照费。"),
        GlossaryTerm("公务用车运行维护费", aliases: ["公务用车运行费"],
                     "保有公务用车发生的燃料、维修、过路过桥、保险、安全奖励等支出。"),
        GlossaryTerm("公务接待费",
                     "单位按规定开支的各类公务接待（含外宾接待）费用。"),
        GlossaryTerm("机关运行经费",
                     "行政单位和参照公务员法管理的事业单位为保障运行，用于购买货物和服务的各项资金，包括办公及印刷、邮电、差旅、会议、福利、日常维修、专用材料及一般设备购置、水电、取暖、物业管理、公务用车运行维护等费用。"),
        GlossaryTerm("其他交通费用",
                     "公务用车运行维护费以外的交通支出，如交通补贴、租车费、出租车费，以及船舶、飞机等的燃料和维修费用。"),
        GlossaryTerm("基本建设支出",
                     "由发展改革部门集中安排的一般公共预算资金用于购置固定资产、战略和应急储备、土地和无形资产，以及建设基础设施、大型修缮等的支出。"),
        GlossaryTerm("其他资本性支出",
                     "由发展改革部门以外的部门安排的同类资本性支出。"),
        GlossaryTerm("政府采购支出",
                     "按政府采购合同实际支付的金额，分为货物、工程和服务三类，并列示授予中小企业（含微型企业）的合同金额。"),
        GlossaryTerm("国有资产占用情况",
                     "截至 12 月 31 日单位占用的车辆（按用途分类）和单价 100 万元（含）以上的设备（不含车辆）的数量。"),
        GlossaryTerm("预算执行率",
                     "项目当年实际支出占当年（调整后）预算的比例。"),
        GlossaryTerm("绩效自评",
                     "单位对照绩效目标对项目实施结果所作的自我评价：满分 100 分（执行率 10 分，各项指标 90 分），评定为优、良、中、差四个等级。"),
        GlossaryTerm("经费形式",
                     "单位经费的保障方式：财政全额拨款、财政差额（定额、定项）补助或财政零补助等。"),
    ]
}
