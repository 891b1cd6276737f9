namespace GridBot.Host.Channels.WeCom.CustomerGroups;

/// <summary>The customer-group (客户群) calls of 客户联系, made with the self-built app's token.</summary>
internal sealed class CustomerGroupClient(WeComApi api)
{
    public Task<GroupChatListAnswer> ListAsync(GroupChatListRequest request, CancellationToken cancellationToken) =>
        api.PostAsync("cgi-bin/externalcontact/groupchat/list", request, CustomerGroupJson.Relaxed.GroupChatListRequest, CustomerGroupJson.Relaxed.GroupChatListAnswer, a => a.Errcode, cancellationToken);

    public Task<GroupChatGetAnswer> GetAsync(string chatId, CancellationToken cancellationToken) =>
        api.PostAsync("cgi-bin/externalcontact/groupchat/get", new GroupChatGetRequest { ChatId = chatId, NeedName = 1 },
            CustomerGroupJson.Relaxed.GroupChatGetRequest, CustomerGroupJson.Relaxed.GroupChatGetAnswer, a => a.Errcode, cancellationToken);

    public Task<AddMsgTemplateAnswer> AddMsgTemplateAsync(AddMsgTemplateRequest request, CancellationToken cancellationToken) =>
        api.PostAsync("cgi-bin/externalcontact/add_msg_template", request, CustomerGroupJson.Relaxed.AddMsgTemplateRequest, CustomerGroupJson.Relaxed.AddMsgTemplateAnswer, a => a.Errcode, cancellationToken);

    public Task<GroupMsgTaskAnswer> GetTaskAsync(string msgid, CancellationToken cancellationToken) =>
        api.PostAsync("cgi-bin/externalcontact/get_groupmsg_task", new GroupMsgTaskRequest { Msgid = msgid },
            CustomerGroupJson.Relaxed.GroupMsgTaskRequest, CustomerGroupJson.Relaxed.GroupMsgTaskAnswer, a => a.Errcode, cancellationToken);
}
