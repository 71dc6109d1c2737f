package org.osr.testkit;

import static org.osr.testkit.LayoutDocuments.row;
import static org.osr.testkit.LayoutDocuments.span;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.osr.testkit.LayoutDocuments.Builder;
import org.osr.testkit.LayoutDocuments.DocxBreak;
import org.osr.testkit.LayoutDocuments.Format;
import org.osr.testkit.LayoutDocuments.Layout;

/**
 * The layout conditions of issue 9 as documents: for each, a marked document (a marking that only its place on the
 * page makes a marking: the head of an annex, the cell beside a 密级 label, the top right of page 1, the binding
 * margin, a banner on every page, a telegram's header form) and clean twins that put the same words where they are
 * not markings (a glossary table of the levels, a quoted example, a heading about the history of 密码电报, a column
 * named 电压等级, a job title, a film title).
 */
public final class LayoutCases {

    /** Where the marking of a marked case sits: in the text flow, drawn over it (text box), or repeated on pages. */
    public enum Place { FLOW, FLOAT, BANNER }

    /**
     * @param category for a marked case, the category of the finding it must get; null for a clean case
     */
    public record LayoutCase(String name, String category, Place place, Layout layout) {
        public boolean marked() {
            return category != null;
        }

        /**
         * DOCX, PDF, OFD and HTML always; XLSX for the layouts a workbook holds naturally (tables, page headers); only
         * DOCX for a variant of how a DOCX ends its pages (the other formats would repeat the page-break case).
         */
        public Set<Format> formats() {
            if (layout.docxBreak() != DocxBreak.PAGE_BREAK) {
                return EnumSet.of(Format.DOCX);
            }
            Set<Format> formats = EnumSet.of(Format.DOCX, Format.PDF, Format.OFD, Format.HTML);
            if (layout.hasTable() || layout.banner() != null || layout.firstPageHeader() != null) {
                formats.add(Format.XLSX);
            }
            return formats;
        }
    }

    private static final String MARKING = "classification-marking";
    private static final String TELEGRAM = "telegram-header";

    private LayoutCases() {
    }

    public static List<LayoutCase> all() {
        List<LayoutCase> all = new ArrayList<>();
        all.addAll(marked());
        all.addAll(clean());
        return all;
    }

    public static List<LayoutCase> marked() {
        return List.of(
                new LayoutCase("annex-bare-level", MARKING, Place.FLOW, annexBareLevel(DocxBreak.PAGE_BREAK)),
                new LayoutCase("annex-bare-level-break-before", MARKING, Place.FLOW,
                        annexBareLevel(DocxBreak.PAGE_BREAK_BEFORE)),
                new LayoutCase("annex-bare-level-section-break", MARKING, Place.FLOW,
                        annexBareLevel(DocxBreak.SECTION_BREAK)),
                new LayoutCase("annex-bare-level-rendered-break", MARKING, Place.FLOW,
                        annexBareLevel(DocxBreak.RENDERED)),
                new LayoutCase("annex-star-period", MARKING, Place.FLOW, mainText("关于报送重点项目建设情况的通知")
                        .pageBreak()
                        .para("机密★5年", "附件1")
                        .heading("重点项目建设情况统计表")
                        .para("截至2026年3月底，纳入统计的重点项目共12个，其中已开工9个、在建3个。")
                        .table(true, row("项目名称", "建设地点", "总投资（亿元）", "进展情况"),
                                row("滨江综合保障基地", "滨江新区", "12.6", "主体完工"),
                                row("北部应急指挥中心", "北部新城", "4.3", "设备安装"))
                        .build()),
                new LayoutCase("form-level-beside-label", MARKING, Place.FLOW, draftingForm("机密", "10年").build()),
                new LayoutCase("form-level-below-label", MARKING, Place.FLOW, LayoutDocuments.zh("文件处理笺")
                        .heading("XX市人民政府办公厅文件处理笺")
                        .table(true, row("收文日期", "来文单位", "文号", "密级", "份数"),
                                row("2026年4月2日", "省公安厅", "公通字〔2026〕7号", "机密", "2"),
                                row("标题", span("关于加强重要活动安全保卫工作的通知", 4)),
                                row("拟办意见", span("请李主任阅示，建议转市公安局办理。", 4)),
                                row("领导批示", span("", 4)),
                                row("办理结果", span("", 4)))
                        .build()),
                new LayoutCase("register-level-column", MARKING, Place.FLOW, LayoutDocuments.zh("收文登记簿")
                        .heading("2026年第一季度收文登记簿")
                        .table(true, row("序号", "收文日期", "文号", "标题", "密级", "份数", "处理情况"),
                                row("1", "1月8日", "省办发〔2026〕2号", "关于2026年度安全保卫工作要点的通知", "机密", "2", "已传阅"),
                                row("2", "1月15日", "省公通〔2026〕5号", "关于重点目标防护的意见", "秘密", "1", "已办结"),
                                row("3", "2月3日", "省办发〔2026〕9号", "关于应急力量建设情况的通报", "机密", "2", "已归档"),
                                row("4", "2月21日", "省安发〔2026〕3号", "关于专项检查发现问题的通报", "秘密", "1", "办理中"),
                                row("5", "3月6日", "省办发〔2026〕14号", "关于重要活动保障方案的批复", "机密", "1", "已传阅"))
                        .build()),
                new LayoutCase("top-right-late", MARKING, Place.FLOAT, LayoutDocuments.zh("XX省人民政府文件")
                        .heading("XX省人民政府文件")
                        .para("X政发〔1999〕5号")
                        .heading("关于加强边境地区治安管理工作的通知")
                        .para("各市、县人民政府，省政府各部门：",
                                "为进一步加强边境地区治安管理，维护边境地区社会稳定，经省政府同意，现就有关事项通知如下：",
                                "一、各地要充分认识边境地区治安管理工作的重要性，把这项工作列入重要议事日程。",
                                "二、公安、边防部门要加强巡逻检查，及时发现和处置各类治安问题。",
                                "三、各有关部门要密切配合，建立健全信息通报和联合执法机制。",
                                "四、各地要于每季度末将工作开展情况报省政府办公厅。",
                                "XX省人民政府", "一九九九年三月五日")
                        .topRight("机　密", 5)
                        .build()),
                new LayoutCase("top-left-text-box", MARKING, Place.FLOAT, LayoutDocuments.zh("关于开展安全隐患排查的通知")
                        .heading("XX市人民政府办公厅")
                        .heading("关于开展重要设施安全隐患排查的通知")
                        .para("各区人民政府，市政府有关部门：",
                                "为切实做好重要设施安全防护工作，市政府决定于2026年5月至6月开展安全隐患排查，现将有关事项通知如下：",
                                "一、排查范围。全市供水、供电、供气等重要设施及其周边区域。",
                                "二、排查内容。重点检查防护设施完好情况、值守制度落实情况和应急处置预案。",
                                "三、工作要求。各单位要如实填报排查情况，发现问题立即整改。",
                                "XX市人民政府办公厅", "2026年4月28日")
                        .topLeft("机密★5年", 4)
                        .build()),
                new LayoutCase("margin-rotated", MARKING, Place.FLOAT, LayoutDocuments.zh("关于调整重点目标警卫等级的通知")
                        .heading("关于调整重点目标警卫等级的通知")
                        .para("各有关单位：",
                                "根据当前安全形势，经研究决定，自2026年5月1日起调整部分重点目标的警卫等级，现将有关事项通知如下：",
                                "一、调整后的警卫等级和警卫力量部署，由各警卫单位按照方案组织实施。",
                                "二、各单位要加强值班值守，严格落实出入登记和巡查制度。",
                                "三、执行中遇到的问题，请及时报市公安局警卫处。",
                                "市公安局", "2026年4月20日")
                        .marginNote("机密★10年")
                        .build()),
                new LayoutCase("banner-every-page", MARKING, Place.BANNER, threePageReport().banner("机密").build()),
                new LayoutCase("first-page-header-level", MARKING, Place.BANNER, LayoutDocuments.zh("会议纪要")
                        .firstPageHeader("秘密")
                        .heading("专题会议纪要")
                        .para("2026年5月8日，市政府召开专题会议，研究重要目标安全防护有关工作。会议纪要如下：",
                                "一、会议听取了市公安局关于重要目标安全防护工作情况的汇报。",
                                "二、会议要求各有关单位进一步完善防护措施，于6月底前完成整改。",
                                "出席：李明、王刚、赵强", "记录：刘洋")
                        .build()),
                new LayoutCase("telegram-header-table", TELEGRAM, Place.FLOW, LayoutDocuments.zh("电报")
                        .heading("XX省人民政府办公厅")
                        .table(false, row("发电单位", "XX省人民政府办公厅", "签批", "张明"),
                                row("等级", "特提", "部门号", "0321"),
                                row("抄送", span("省委办公厅，省应急管理厅", 3)))
                        .heading("关于做好强降雨防范应对工作的紧急通知")
                        .para("各市人民政府，省政府各部门：",
                                "据气象部门预报，7月12日至14日我省将出现大范围强降雨天气。请各地立即启动应急响应，"
                                        + "加强值班值守，做好人员转移避险工作。",
                                "XX省人民政府办公厅", "2026年7月11日")
                        .build()),
                new LayoutCase("en-banner-every-page", MARKING, Place.BANNER, LayoutDocuments.en("Weekly Threat Assessment")
                        .heading("Weekly Threat Assessment")
                        .para("Prepared by the Office of Regional Analysis for the week ending 14 March 2026.",
                                "Summary: activity along the northern corridor increased during the reporting period, "
                                        + "with three new logistics sites identified near the border crossing.",
                                "Assessment: the increase is consistent with preparations for the spring exercise "
                                        + "season and does not by itself indicate hostile intent.")
                        .pageBreak()
                        .heading("Outlook")
                        .para("We expect activity to remain elevated through April. Analysts will report changes "
                                        + "at the sites in next week's assessment.",
                                "Point of contact: Regional Analysis desk, extension 4471.")
                        .banner("SECRET//NOFORN")
                        .build()),
                new LayoutCase("en-authority-block", MARKING, Place.FLOW, LayoutDocuments.en("Memorandum for the Record")
                        .heading("MEMORANDUM FOR THE RECORD")
                        .para("SUBJECT: Meeting with the liaison service on 3 February 2026",
                                "1. Participants discussed the exchange of information on maritime traffic in the "
                                        + "eastern sector and agreed to meet again in May.",
                                "2. The liaison service will provide its quarterly summary by 15 March.",
                                "Classified By: John A. Smith, Director, Office of Analysis",
                                "Derived From: Multiple Sources",
                                "Declassify On: 20510203")
                        .banner("SECRET")
                        .build()));
    }

    public static List<LayoutCase> clean() {
        return List.of(
                new LayoutCase("annex-ordinary", null, null, mainText("关于举办2026年度业务培训班的通知")
                        .pageBreak()
                        .para("附件1")
                        .heading("参加培训人员名单")
                        .table(true, row("序号", "姓名", "单位", "职务"),
                                row("1", "王丽", "市财政局", "科长"),
                                row("2", "陈刚", "市发展改革委", "副科长"),
                                row("3", "刘洋", "市教育局", "科员"))
                        .build()),
                new LayoutCase("annex-prose-level", null, null, mainText("关于签订保密工作责任书的通知")
                        .pageBreak()
                        .para("附件1")
                        .heading("涉密载体管理责任书")
                        .para("为加强秘密载体管理，防止国家秘密泄露，根据有关规定，制定本责任书。",
                                "一、责任单位应当建立涉密载体台账，定期清查核对。",
                                "二、本责任书一式两份，双方各执一份。")
                        .build()),
                new LayoutCase("form-level-public", null, null, draftingForm("公开", "").build()),
                new LayoutCase("form-level-empty", null, null, draftingForm("", "").build()),
                new LayoutCase("form-level-options", null, null, draftingForm("绝密□　机密□　秘密□", "　　年").build()),
                new LayoutCase("register-public-column", null, null, LayoutDocuments.zh("发文登记簿")
                        .heading("2026年第一季度发文登记簿")
                        .table(true, row("序号", "发文日期", "文号", "标题", "密级", "公开属性"),
                                row("1", "1月10日", "X政办发〔2026〕1号", "关于做好春节期间市场保供工作的通知", "非密", "主动公开"),
                                row("2", "2月6日", "X政办发〔2026〕4号", "关于印发优化营商环境若干措施的通知", "非密", "主动公开"),
                                row("3", "3月2日", "X政办函〔2026〕7号", "关于同意设立市级农业科技园区的复函", "非密", "依申请公开"))
                        .build()),
                new LayoutCase("glossary-levels-column", null, null, LayoutDocuments.zh("国家秘密的密级和保密期限")
                        .heading("国家秘密的密级和保密期限")
                        .table(true, row("密级", "含义", "保密期限上限"),
                                row("绝密", "最重要的国家秘密，泄露会使国家安全和利益遭受特别严重的损害", "30年"),
                                row("机密", "重要的国家秘密，泄露会使国家安全和利益遭受严重的损害", "20年"),
                                row("秘密", "一般的国家秘密，泄露会使国家安全和利益遭受损害", "10年"))
                        .para("保密期限除另有规定外，按上表所列上限执行；不能确定期限的，应当确定解密条件。")
                        .build()),
                new LayoutCase("glossary-levels-row", null, null, LayoutDocuments.zh("密级与保密期限对照表")
                        .heading("密级与保密期限对照表")
                        .table(true, row("密级", "绝密", "机密", "秘密"),
                                row("保密期限上限", "30年", "20年", "10年"),
                                row("知悉范围", "限定到具体人员", "限定到具体人员", "限定到机关、单位"))
                        .para("本表供保密业务培训使用。")
                        .build()),
                new LayoutCase("training-quoted-examples", null, null, LayoutDocuments.zh("密级标志的标注方法")
                        .heading("密级标志的标注方法（培训讲义）")
                        .para("一、国家秘密标志由密级和保密期限组成，中间以★隔开，标注在公文首页左上角。",
                                "例如：秘密★5年，表示该文件为秘密级，保密期限为5年。",
                                "二、保密期限为长期的，标注为“绝密★长期”。",
                                "三、某单位曾将一份会议纪要标注为“机密★1年”，期满后经审查予以解密。",
                                "四、不能确定保密期限的，应当标注解密条件。",
                                "五、讲义仅用于本单位保密教育培训。")
                        .topRight("第　3　期", 3)
                        .build()),
                new LayoutCase("history-cipher-telegram", null, null, LayoutDocuments.zh("近代通信史话")
                        .heading("近代通信史话")
                        .para("电报是近代最早投入实用的电信手段，它改变了信息传递的速度，也改变了政务和商业往来的方式。")
                        .heading("一、密码电报的由来")
                        .para("电报经由公共线路传送，内容容易被他人截获。为保证通信内容不被泄露，各国很早就开始使用"
                                + "密码本对电文进行编码，这便是密码电报的由来。")
                        .heading("二、电报在近代中国的普及")
                        .para("1881年，津沪电报线路建成，电报开始在中国普及，商号、报馆纷纷使用电报传递行情和新闻。")
                        .heading("密码电报")
                        .para("早期的密码电报多采用四码汉字编码，再由收发双方约定的密本加以变换。随着技术进步，"
                                + "手工编码逐渐被机器加密取代。")
                        .build()),
                new LayoutCase("power-outage-table", null, null, LayoutDocuments.zh("计划停电公告")
                        .heading("关于2026年4月计划停电的公告")
                        .para("因电网设备检修需要，我公司将对以下线路计划停电，请相关单位和用户提前做好准备。")
                        .table(true, row("停电时间", "停电线路", "电压等级", "影响发电单位", "影响区域"),
                                row("4月12日8:00至18:00", "城东线", "110千伏", "城东光伏电站", "城东街道部分区域"),
                                row("4月15日7:30至17:00", "河西Ⅱ线", "35千伏", "河西风电场", "河西镇全域"))
                        .para("特此公告。", "国网XX供电公司", "2026年4月5日")
                        .build()),
                new LayoutCase("margin-binding-line", null, null, LayoutDocuments.zh("保密知识竞赛试题")
                        .heading("2026年保密知识竞赛试题")
                        .para("一、单项选择题（每题2分）",
                                "1．国家秘密的密级分为（　）。",
                                "A．绝密、机密、秘密　B．绝密、秘密、内部　C．机密、秘密、公开",
                                "2．机密级国家秘密的保密期限，除另有规定外，不超过（　）。",
                                "A．10年　B．20年　C．30年")
                        .marginNote("装　订　线　内　不　要　答　题")
                        .build()),
                new LayoutCase("banner-running-title", null, null, threePageReport().banner("XX市统计局　统计分析").build()),
                new LayoutCase("first-page-header-issue", null, null, LayoutDocuments.zh("政务信息")
                        .firstPageHeader("政务信息　第12期　XX市人民政府办公厅编")
                        .heading("我市多措并举推进老旧小区改造")
                        .para("今年以来，我市把老旧小区改造作为重要民生工程，统筹资金、优化流程，全年计划改造小区86个。",
                                "截至5月底，已开工52个，完工17个，惠及居民1.2万户。")
                        .build()),
                new LayoutCase("en-careers-clearance", null, null, LayoutDocuments.en("Careers")
                        .heading("TOP SECRET CLEARANCE")
                        .heading("Systems Engineer III (Hybrid, Chantilly, VA)")
                        .para("We are looking for a systems engineer to support a mission-critical program for a "
                                        + "federal customer. You will design, integrate and test networked systems.",
                                "Requirements: an active Top Secret clearance; a bachelor's degree in engineering; "
                                        + "five years of experience with Linux and cloud infrastructure.",
                                "Salary range: $120,000 to $150,000. Apply online by 30 April 2026.")
                        .build()),
                new LayoutCase("en-dataset-classified-by", null, null, LayoutDocuments.en("Iris model card")
                        .heading("Iris species model card")
                        .para("Classified by: random forest (200 trees, scikit-learn)",
                                "Derived from: the UCI Machine Learning Repository iris data set",
                                "Accuracy on the held-out split is 0.96; the confusion matrix is shown below.")
                        .table(true, row("Species", "Precision", "Recall"),
                                row("setosa", "1.00", "1.00"),
                                row("versicolor", "0.94", "0.94"),
                                row("virginica", "0.94", "0.94"))
                        .build()),
                new LayoutCase("en-glossary-levels", null, null, LayoutDocuments.en("Classification levels explained")
                        .heading("Classification levels explained")
                        .table(true, row("Level", "Definition"),
                                row("TOP SECRET", "Unauthorized disclosure could cause exceptionally grave damage to "
                                        + "national security."),
                                row("SECRET", "Unauthorized disclosure could cause serious damage to national security."),
                                row("CONFIDENTIAL", "Unauthorized disclosure could cause damage to national security."))
                        .para("Source: Executive Order 13526, section 1.2.")
                        .build()),
                new LayoutCase("en-film-review", null, null, LayoutDocuments.en("Review: Top Secret!")
                        .heading("Top Secret! (1984)")
                        .para("The Zucker brothers followed Airplane! with Top Secret!, a parody of Cold War spy "
                                        + "films and Elvis musicals starring Val Kilmer as a rock star caught up in a plot.",
                                "TOP SECRET! is relentless: a gag every few seconds, most of them landing.",
                                "Rating: four stars out of five.")
                        .build()));
    }

    /** A notice whose annex, on page 2, is headed by a bare 秘密; the DOCX ends page 1 with {@code docxBreak}. */
    private static Layout annexBareLevel(DocxBreak docxBreak) {
        return mainText("关于印发《2026年度重点工作任务分解方案》的通知")
                .pageBreak()
                .para("附件1", "秘密")
                .heading("2026年度重点工作任务分解表")
                .table(true, row("序号", "工作任务", "牵头单位", "完成时限"),
                        row("1", "完成重点区域防护设施改造", "市公安局", "2026年6月底前"),
                        row("2", "建立重要目标联防联控机制", "市应急管理局", "2026年9月底前"),
                        row("3", "开展专项检查和隐患整治", "市国家安全局", "2026年12月底前"))
                .docxBreak(docxBreak)
                .build();
    }

    /** A notice whose main text fills most of page 1. */
    private static Builder mainText(String title) {
        return LayoutDocuments.zh(title)
                .heading(title)
                .para("各区人民政府，市政府各委、办、局，各有关单位：",
                        "为深入贯彻落实市委、市政府工作部署，确保年度各项目标任务顺利完成，经市政府同意，现将有关事项通知如下。",
                        "一、提高思想认识。各单位要充分认识做好本项工作的重要意义，把思想和行动统一到市委、市政府的决策部署上来。",
                        "二、加强组织领导。各单位主要负责同志要亲自研究部署，明确分管领导和具体承办人员，层层压实工作责任。",
                        "三、细化工作措施。各牵头单位要按照附件所列任务，制定具体实施方案，明确时间表和路线图。",
                        "四、严守工作纪律。各单位要严格执行保密规定，涉及国家秘密的材料不得通过互联网传输。",
                        "五、强化督促检查。市政府督查室将定期对工作推进情况进行督查，督查结果纳入年度绩效考核。",
                        "六、及时报送情况。各单位请于每季度末前将工作进展情况书面报送市政府办公厅。",
                        "联系人：市政府办公厅综合处，电话：12345。",
                        "附件：1．任务清单",
                        "XX市人民政府办公厅",
                        "2026年3月12日");
    }

    /** A 发文稿纸 whose 密级 and 保密期限 cells hold {@code level} and {@code period}. */
    private static Builder draftingForm(String level, String period) {
        return LayoutDocuments.zh("发文稿纸")
                .heading("XX市人民政府办公厅发文稿纸")
                .table(false, row("签发", span("李明　3月10日", 3)),
                        row("会签", span("", 3)),
                        row("密级", level, "保密期限", period),
                        row("紧急程度", "特急", "印发份数", "30份"),
                        row("主送", span("各区人民政府，市政府各委、办、局", 3)),
                        row("标题", span("关于加强重点目标安全防护工作的通知", 3)),
                        row("拟稿单位", "安全保卫处", "拟稿人", "王强"),
                        row("核稿", "赵刚", "文号", "X办发〔2026〕18号"));
    }

    /** A three-page report. */
    private static Builder threePageReport() {
        return LayoutDocuments.zh("关于重点工程建设进展情况的报告")
                .heading("关于重点工程建设进展情况的报告")
                .para("市政府：", "现将今年以来重点工程建设进展情况报告如下。",
                        "一、总体进展。全市纳入统计的重点工程共24项，已完工7项，在建17项，完成年度投资计划的62%。")
                .pageBreak()
                .para("二、存在的问题。部分工程受征地拆迁影响进度滞后，个别项目资金到位不及时。",
                        "三、下一步工作。加快推进征地拆迁，协调落实建设资金，确保年底前完成全年目标。")
                .pageBreak()
                .para("附表：重点工程建设进展情况一览（略）", "市发展改革委", "2026年6月30日");
    }
}
